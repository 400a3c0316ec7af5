import type en from '../en/database.js';

/** Les messages français du domaine database : mêmes clés et mêmes paramètres que en/database.ts. */
const fr: typeof en = {};
export default fr;
