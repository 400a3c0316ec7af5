import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, yearValue } from '../../cli/options.js';
import { t } from '../../i18n/messages.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const year = (text: string) => yearValue('<annee>', text);

const fieldsList = (fields: CommandUnknownOpts) =>
  fields.command('list').description(t('refs.help.fields_list')).addOption(csvOption()).addOption(columnsOption());
export type RefsFieldsListOpts = OptsOf<typeof fieldsList>;
const yearsList = (years: CommandUnknownOpts) =>
  years.command('list').description(t('refs.help.years_list')).addOption(csvOption()).addOption(columnsOption());
export type RefsYearsListOpts = OptsOf<typeof yearsList>;

export function registerRefs(program: Command, lazy: Lazy): void {
  const refs = program.command('refs').description(t('refs.help.description'));

  const fields = refs.command('fields').description(t('refs.help.fields'));
  fieldsList(fields).action(lazy(() => import('./fields-list.js')));
  fields
    .command('add')
    .description(t('refs.help.fields_add'))
    .argument('<name>', t('refs.help.name'))
    .action(lazy(() => import('./fields-add.js')));
  fields
    .command('rename')
    .description(t('refs.help.fields_rename'))
    .argument('<field>', t('refs.help.field'))
    .argument('<new-name>', t('refs.help.new_name'))
    .action(lazy(() => import('./fields-rename.js')));
  fields
    .command('alias')
    .description(t('refs.help.fields_alias'))
    .argument('<field>', t('refs.help.field'))
    .argument('<alias>', t('refs.help.alias'))
    .action(lazy(() => import('./fields-alias.js')));
  fields
    .command('deactivate')
    .description(t('refs.help.fields_deactivate'))
    .argument('<field>', t('refs.help.field'))
    .action(lazy(() => import('./fields-deactivate.js')));

  const years = refs.command('years').description(t('refs.help.years'));
  yearsList(years).action(lazy(() => import('./years-list.js')));
  years
    .command('add')
    .description(t('refs.help.years_add'))
    .argument('<annee>', t('refs.help.year'), year)
    .action(lazy(() => import('./years-add.js')));
  years
    .command('open')
    .description(t('refs.help.years_open'))
    .argument('<annee>', t('refs.help.year'), year)
    .action(lazy(() => import('./years-open.js')));
  years
    .command('close')
    .description(t('refs.help.years_close'))
    .argument('<annee>', t('refs.help.year'), year)
    .action(lazy(() => import('./years-close.js')));
}
