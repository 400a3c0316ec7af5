import type en from '../en/import.js';

/** Les messages français du domaine import : mêmes clés et mêmes paramètres que en/import.ts. */
const fr: typeof en = {};
export default fr;
