import { listLedger } from '../imports.js';

export const run = listLedger('orgs');
