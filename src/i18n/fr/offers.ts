import type en from '../en/offers.js';

/** Les messages français du domaine offers : mêmes clés et mêmes paramètres que en/offers.ts. */
const fr: typeof en = {};
export default fr;
