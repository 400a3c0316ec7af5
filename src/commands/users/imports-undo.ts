import { undoLedgerImport } from '../imports.js';

export const run = undoLedgerImport('users');
