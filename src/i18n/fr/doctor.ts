import type en from '../en/doctor.js';

/** Les messages français du domaine doctor : mêmes clés et mêmes paramètres que en/doctor.ts. */
const fr: typeof en = {};
export default fr;
