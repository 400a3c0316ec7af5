import type en from '../en/common.js';

/** Les messages français du domaine common : mêmes clés et mêmes paramètres que en/common.ts. */
const fr: typeof en = {};
export default fr;
