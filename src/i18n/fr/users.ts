import type en from '../en/users.js';

/** Les messages français du domaine users : mêmes clés et mêmes paramètres que en/users.ts. */
const fr: typeof en = {};
export default fr;
