import type en from '../en/stats.js';

/** Les messages français du domaine stats : mêmes clés et mêmes paramètres que en/stats.ts. */
const fr: typeof en = {};
export default fr;
