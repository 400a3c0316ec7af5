import type en from '../en/orgs.js';

/** Les messages français du domaine orgs : mêmes clés et mêmes paramètres que en/orgs.ts. */
const fr: typeof en = {};
export default fr;
