import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, enumOption, limitOption, sinceOption } from '../../cli/options.js';
import { AUDIT_ACTIONS } from '../../enums.js';
import { t } from '../../i18n/messages.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const list = (audit: CommandUnknownOpts) =>
  audit
    .command('list')
    .description(t('audit.list.description'))
    .addOption(new Option('--table <name>', t('audit.list.table')))
    .addOption(new Option('--actor <ref>', t('audit.list.actor')))
    .addOption(enumOption('--action <action>', t('audit.list.action'), AUDIT_ACTIONS))
    .addOption(sinceOption(t('audit.list.since')))
    .addOption(new Option('--import <id>', t('audit.list.import')))
    .addOption(limitOption(50))
    .addOption(csvOption())
    .addOption(columnsOption());
export type AuditListOpts = OptsOf<typeof list>;

const show = (audit: CommandUnknownOpts) =>
  audit.command('show').description(t('audit.show.description')).argument('<id>', t('audit.show.id'));

export function registerAudit(program: Command, lazy: Lazy): void {
  const audit = program.command('audit').description(t('audit.description'));
  list(audit).action(lazy(() => import('./list.js')));
  show(audit).action(lazy(() => import('./show.js')));
}
