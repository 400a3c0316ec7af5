import type en from '../en/jobs.js';

/** Les messages français du domaine jobs : mêmes clés et mêmes paramètres que en/jobs.ts. */
const fr: typeof en = {};
export default fr;
