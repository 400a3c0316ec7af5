import type en from '../en/report.js';

/** Les messages français du domaine report : mêmes clés et mêmes paramètres que en/report.ts. */
const fr: typeof en = {};
export default fr;
