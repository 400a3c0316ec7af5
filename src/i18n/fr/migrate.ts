import type en from '../en/migrate.js';

/** Les messages français du domaine migrate : mêmes clés et mêmes paramètres que en/migrate.ts. */
const fr: typeof en = {};
export default fr;
