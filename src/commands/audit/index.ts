import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, enumOption, limitOption, sinceOption } from '../../cli/options.js';
import { AUDIT_ACTIONS } from '../../enums.js';
import type { Lazy, OptsOf } from '../types.js';

const list = (audit: CommandUnknownOpts) =>
  audit
    .command('list')
    .description('audit entries, newest first')
    .addOption(new Option('--table <name>', 'only this table'))
    .addOption(new Option('--actor <ref>', 'only changes made as this user (id, e-mail or matricule)'))
    .addOption(enumOption('--action <action>', 'only this kind of change', AUDIT_ACTIONS))
    .addOption(sinceOption('only entries since'))
    .addOption(new Option('--import <id>', 'only the changes of this roster import'))
    .addOption(limitOption(50))
    .addOption(csvOption());
export type AuditListOpts = OptsOf<typeof list>;

const show = (audit: CommandUnknownOpts) => audit.command('show').description('one entry with its before and after').argument('<id>');

export function registerAudit(program: Command, lazy: Lazy): void {
  const audit = program.command('audit').description('the audit trail: who changed what, when');
  list(audit).action(lazy(() => import('./list.js')));
  show(audit).action(lazy(() => import('./show.js')));
}
