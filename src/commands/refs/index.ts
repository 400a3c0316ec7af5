import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, yearValue } from '../../cli/options.js';
import type { Lazy, OptsOf } from '../types.js';

const FIELD = 'the field, as stored (case, accents, spaces and punctuation ignored)';
const YEAR = 'a graduation year, such as 2024';
const year = (text: string) => yearValue('<annee>', text);

const fieldsList = (fields: CommandUnknownOpts) =>
  fields
    .command('list')
    .description('the fields with their aliases, whether imports may use them, and how many users have each')
    .addOption(csvOption());
export type RefsFieldsListOpts = OptsOf<typeof fieldsList>;
const yearsList = (years: CommandUnknownOpts) =>
  years
    .command('list')
    .description('the graduation years, whether imports may use them, and how many users have each')
    .addOption(csvOption());
export type RefsYearsListOpts = OptsOf<typeof yearsList>;

export function registerRefs(program: Command, lazy: Lazy): void {
  const refs = program.command('refs').description('the reference values a roster is checked against: fields (with aliases) and years');

  const fields = refs.command('fields').description('fields of study (domaine_reference) and their aliases');
  fieldsList(fields).action(lazy(() => import('./fields-list.js')));
  fields
    .command('add')
    .description('add a field')
    .argument('<name>', 'its name, as the platform shows it')
    .action(lazy(() => import('./fields-add.js')));
  fields
    .command('rename')
    .description('rename a field: its users, aliases and statistics follow')
    .argument('<field>', FIELD)
    .argument('<new-name>', 'the new name')
    .action(lazy(() => import('./fields-rename.js')));
  fields
    .command('alias')
    .description('map another spelling to a field, for every import from then on (e.g. "Génie Info" → "Génie informatique")')
    .argument('<field>', FIELD)
    .argument('<alias>', 'the other spelling')
    .action(lazy(() => import('./fields-alias.js')));
  fields
    .command('deactivate')
    .description('no import may give the field any more; the users who have it keep it')
    .argument('<field>', FIELD)
    .action(lazy(() => import('./fields-deactivate.js')));

  const years = refs.command('years').description('graduation years (annee_reference)');
  yearsList(years).action(lazy(() => import('./years-list.js')));
  years
    .command('add')
    .description('add a year, open to imports')
    .argument('<annee>', YEAR, year)
    .action(lazy(() => import('./years-add.js')));
  years
    .command('open')
    .description('let imports give this year')
    .argument('<annee>', YEAR, year)
    .action(lazy(() => import('./years-open.js')));
  years
    .command('close')
    .description('no import may give this year any more; the users who have it keep it')
    .argument('<annee>', YEAR, year)
    .action(lazy(() => import('./years-close.js')));
}
