import type en from '../en/audit.js';

/** Les messages français du domaine audit : mêmes clés et mêmes paramètres que en/audit.ts. */
const fr: typeof en = {};
export default fr;
