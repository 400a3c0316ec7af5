import type { Command } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerAudit(program: Command, lazy: Lazy): void {
  const audit = program.command('audit').description('the audit trail: who changed what, when');
  audit
    .command('list')
    .description('audit entries, newest first')
    .option('--table <name>', 'only this table')
    .option('--actor <ref>', 'only changes made as this user (id, e-mail or matricule)')
    .option('--action <action>', 'insert, update or delete')
    .option('--since <when>', 'a date (2026-01-31, 2026-01-31T08:00) or a duration back from now (90min, 12h, 7d, 2w, 6mo, 1y)')
    .option('--import <id>', 'only the changes of this roster import')
    .option('--limit <n>', 'how many', '50')
    .option('--csv', 'CSV on stdout')
    .action(lazy(() => import('./list.js')));
  audit.command('show').description('one entry with its before and after').argument('<id>').action(lazy(() => import('./show.js')));
}
