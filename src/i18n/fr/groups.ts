import type en from '../en/groups.js';

/** Les messages français du domaine groups : mêmes clés et mêmes paramètres que en/groups.ts. */
const fr: typeof en = {};
export default fr;
