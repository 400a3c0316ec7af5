import { Argument, Option, type Command, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings';
import {
  afterOption,
  countryOption,
  csvOption,
  dryRunOption,
  enumOption,
  limitOption,
  outputFileOption,
  yearValue,
  yesNoValue,
  yesOption,
} from '../../cli/options.js';
import { ROLES_UTILISATEUR as ROLES, STATUTS_UTILISATEUR as STATUTS } from '../../enums.js';
import { withImportOptions } from '../../cli/import-options.js';
import { NAME_ORDERS, ROSTER_FIELDS } from '../../import/roster/headers.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';
import { withUserFilters } from '../../cli/user-filters.js';
import { UsageError, problem } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { matchEnum } from '../../values.js';

/**
 * The fields of `users add` and `users update`. An empty --annee or --travailleur
 * clears it, as empty text clears the other fields: its parser returns '' for that
 * (Commander would store a null as '' anyway), which fields.ts hands on as null.
 */
function withFields<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
) {
  return command
    .addOption(new Option('--nom <name>', t('users.help.field_nom')))
    .addOption(new Option('--matricule <id>', t('users.help.field_matricule')))
    .addOption(new Option('--email <address>', t('users.help.field_email')))
    .addOption(new Option('--titre <title>', t('users.help.field_titre')))
    .addOption(enumOption('--statut <statut>', t('users.help.field_statut'), STATUTS))
    .addOption(
      new Option('--annee <year>', t('users.help.field_annee')).argParser((text: string) =>
        text.trim() === '' ? ('' as const) : yearValue('--annee', text),
      ),
    )
    .addOption(new Option('--domaine <field>', t('users.help.field_domaine')))
    .addOption(
      new Option('--travailleur <oui|non>', t('users.help.field_travailleur')).argParser((text: string) =>
        text.trim() === '' ? ('' as const) : yesNoValue('--travailleur', text),
      ),
    )
    .addOption(new Option('--telephone <number>', t('users.help.field_telephone')))
    .addOption(countryOption(t('users.help.field_country')))
    .addOption(new Option('--password-stdin', t('users.help.field_password_stdin')));
}

/** The <role> of `users set-role`, checked while parsing as options are: the run receives a role. */
function roleValue(text: string): (typeof ROLES)[number] {
  const role = matchEnum(text, ROLES);
  if (role === undefined) throw new UsageError(problem('users.unknown_role', { value: text, roles: [...ROLES] }));
  return role;
}

const list = (users: CommandUnknownOpts) =>
  withUserFilters(users.command('list').description(t('users.help.list')))
    .addOption(limitOption(50, t('users.help.list_limit')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type UsersListOpts = OptsOf<typeof list>;

const show = (users: CommandUnknownOpts) => users.command('show').description(t('users.help.show')).argument('<ref>', t('users.help.ref'));

const add = (users: CommandUnknownOpts) =>
  withFields(users.command('add').description(t('users.help.add')))
    .addOption(enumOption('--role <role>', t('users.help.add_role'), ROLES))
    .addOption(new Option('--no-password', t('users.help.add_no_password')));
export type UsersAddOpts = OptsOf<typeof add>;

const update = (users: CommandUnknownOpts) =>
  withFields(users.command('update').description(t('users.help.update')).argument('<ref>', t('users.help.ref')));
export type UsersUpdateOpts = OptsOf<typeof update>;

const activate = (users: CommandUnknownOpts) =>
  users.command('activate').description(t('users.help.activate')).argument('<ref>', t('users.help.ref'));
const deactivate = (users: CommandUnknownOpts) =>
  users.command('deactivate').description(t('users.help.deactivate')).argument('<ref>', t('users.help.ref'));

const setRole = (users: CommandUnknownOpts) =>
  users
    .command('set-role')
    .description(t('users.help.set_role'))
    .argument('<ref>', t('users.help.ref'))
    // Checked while parsing, as options are: the run receives a role.
    .addArgument(new Argument('<role>', t('users.help.set_role_role')).argParser(roleValue));

const exportUsers = (users: CommandUnknownOpts) =>
  withUserFilters(users.command('export').description(t('users.help.export')))
    .addOption(new Option('--csv', t('users.help.export_csv')))
    .addOption(new Option('--excel', t('users.help.export_excel')))
    .addOption(
      outputFileOption('--xlsx <file>', t('users.help.export_xlsx_what'), t('users.help.export_xlsx')).conflicts(['csv', 'excel']),
    );
export type UsersExportOpts = OptsOf<typeof exportUsers>;

const imports = (users: CommandUnknownOpts) =>
  users
    .command('imports')
    .description(t('users.help.imports'))
    .addOption(limitOption(20))
    .addOption(csvOption())
    .addOption(columnsOption());
export type UsersImportsOpts = OptsOf<typeof imports>;

const undoImport = (imports: CommandUnknownOpts) =>
  imports
    .command('undo')
    .description(t('undo.help.users'))
    .argument('<import>', t('undo.help.import'))
    .addOption(dryRunOption(t('undo.help.dry_run')))
    .addOption(new Option('--deactivate-kept', t('undo.help.deactivate_kept')))
    .addOption(yesOption());

const importRoster = (users: CommandUnknownOpts) =>
  withImportOptions(users.command('import').description(t('users.help.import')), t('users.help.import_known'), ROSTER_FIELDS)
    .addOption(countryOption(t('users.help.import_country')))
    .addOption(enumOption('--name-order <order>', t('users.help.import_name_order'), NAME_ORDERS).default('given-first' as const))
    .addOption(new Option('--create-missing-references', t('users.help.import_create_missing')));
export type UsersImportOpts = OptsOf<typeof importRoster>;

const exportData = (users: CommandUnknownOpts) =>
  users.command('export-data').description(t('users.help.export_data')).argument('<person>', t('users.help.ref'));

const erase = (users: CommandUnknownOpts) =>
  users
    .command('erase')
    .description(t('users.help.erase'))
    .argument('<person>', t('users.help.ref'))
    .addOption(dryRunOption(t('users.help.erase_dry_run')))
    .addOption(yesOption());
export type UsersEraseOpts = OptsOf<typeof erase>;

export function registerUsers(program: Command, lazy: Lazy): void {
  const users = program.command('users').description(t('users.help.group'));
  list(users).action(lazy(() => import('./list.js')));
  show(users).action(lazy(() => import('./show.js')));
  add(users).action(lazy(() => import('./add.js')));
  update(users).action(lazy(() => import('./update.js')));
  activate(users).action(lazy(() => import('./activate.js')));
  deactivate(users).action(lazy(() => import('./deactivate.js')));
  setRole(users).action(lazy(() => import('./set-role.js')));
  exportUsers(users).action(lazy(() => import('./export.js')));
  const ledger = imports(users).action(lazy(() => import('./imports.js')));
  undoImport(ledger).action(lazy(() => import('./imports-undo.js')));
  importRoster(users).action(lazy(() => import('./import.js')));
  exportData(users).action(lazy(() => import('./export-data.js')));
  erase(users).action(lazy(() => import('./erase.js')));
}
