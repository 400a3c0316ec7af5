import type en from '../en/validate.js';

/** Les messages français du domaine validate : mêmes clés et mêmes paramètres que en/validate.ts. */
const fr: typeof en = {};
export default fr;
