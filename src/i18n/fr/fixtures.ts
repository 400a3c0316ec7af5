import type en from '../en/fixtures.js';

/** Les messages français du domaine fixtures : mêmes clés et mêmes paramètres que en/fixtures.ts. */
const fr: typeof en = {};
export default fr;
