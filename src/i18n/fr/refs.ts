import type en from '../en/refs.js';

/** Les messages français du domaine refs : mêmes clés et mêmes paramètres que en/refs.ts. */
const fr: typeof en = {};
export default fr;
