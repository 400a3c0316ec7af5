import { Argument, Option, type Command, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings';
import {
  afterOption,
  countryOption,
  csvOption,
  dryRunOption,
  enumOption,
  enumValue,
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
import { withUserFilters } from '../../cli/user-filters.js';

const REF = 'id, e-mail or matricule';

/**
 * The fields of `users add` and `users update`. An empty --annee or --travailleur
 * clears it, as empty text clears the other fields: its parser returns '' for that
 * (Commander would store a null as '' anyway), which fields.ts hands on as null.
 */
function withFields<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
) {
  return command
    .addOption(new Option('--nom <name>', 'nom_complet'))
    .addOption(new Option('--matricule <id>', 'matricule'))
    .addOption(new Option('--email <address>', 'e-mail (stored lower-case)'))
    .addOption(new Option('--titre <title>', 'titre'))
    .addOption(enumOption('--statut <statut>', 'statut (any case, accents or not)', STATUTS))
    .addOption(
      new Option('--annee <year>', 'graduation year (in annee_reference; empty clears it)').argParser((text: string) =>
        text.trim() === '' ? ('' as const) : yearValue('--annee', text),
      ),
    )
    .addOption(new Option('--domaine <field>', 'field (in domaine_reference)'))
    .addOption(
      new Option('--travailleur <oui|non>', 'working or not (oui/non, yes/no, true/false, 1/0; empty clears it)').argParser(
        (text: string) => (text.trim() === '' ? ('' as const) : yesNoValue('--travailleur', text)),
      ),
    )
    .addOption(new Option('--telephone <number>', 'phone, stored as E.164'))
    .addOption(countryOption('default country for a phone without +, e.g. SN'))
    .addOption(new Option('--password-stdin', 'read the password from standard input'));
}

const list = (users: CommandUnknownOpts) =>
  withUserFilters(users.command('list').description('list users, a page at a time'))
    .addOption(limitOption(50, 'users per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type UsersListOpts = OptsOf<typeof list>;

const show = (users: CommandUnknownOpts) => users.command('show').description('one user').argument('<ref>', REF);

const add = (users: CommandUnknownOpts) =>
  withFields(users.command('add').description('create a user (the first super_admin needs no --as)'))
    .addOption(enumOption('--role <role>', 'the role, user by default; only a super_admin gives another', ROLES))
    .addOption(new Option('--no-password', 'do not ask for a password'));
export type UsersAddOpts = OptsOf<typeof add>;

const update = (users: CommandUnknownOpts) =>
  withFields(users.command('update').description("change a user's fields").argument('<ref>', REF));
export type UsersUpdateOpts = OptsOf<typeof update>;

const activate = (users: CommandUnknownOpts) => users.command('activate').description('reactivate an account').argument('<ref>', REF);
const deactivate = (users: CommandUnknownOpts) => users.command('deactivate').description('deactivate an account').argument('<ref>', REF);

const setRole = (users: CommandUnknownOpts) =>
  users
    .command('set-role')
    .description("change a user's role (super_admin only)")
    .argument('<ref>', REF)
    // Checked while parsing, as options are: the run receives a role.
    .addArgument(new Argument('<role>', 'user, admin or super_admin').argParser((text: string) => enumValue('Unknown role', text, ROLES)));

const exportUsers = (users: CommandUnknownOpts) =>
  withUserFilters(
    users.command('export').description('all matching users as CSV (default), JSON or an Excel workbook; never a password hash'),
  )
    .addOption(new Option('--csv', 'CSV on stdout (the default), as every list command takes it'))
    .addOption(new Option('--excel', 'CSV for French Excel on stdout: ; separated, UTF-8 with BOM, CRLF'))
    .addOption(
      outputFileOption('--xlsx <file>', 'the workbook', 'write an Excel workbook (.xlsx, text cells) to this file instead').conflicts([
        'csv',
        'excel',
      ]),
    );
export type UsersExportOpts = OptsOf<typeof exportUsers>;

const imports = (users: CommandUnknownOpts) =>
  users.command('imports').description('the import ledger, newest first').addOption(limitOption(20)).addOption(csvOption());
export type UsersImportsOpts = OptsOf<typeof imports>;

const importRoster = (users: CommandUnknownOpts) =>
  withImportOptions(
    users.command('import').description('import a roster CSV (a registrar export) into utilisateur'),
    'by matricule',
    ROSTER_FIELDS,
  )
    .addOption(countryOption("default country for phone numbers without +, e.g. SN (a row's Pays/Country/Indicatif cell wins)"))
    .addOption(
      enumOption(
        '--name-order <order>',
        'how prenom and nom columns are joined into nom_complet (Awa DIOP or DIOP Awa)',
        NAME_ORDERS,
      ).default('given-first' as const),
    )
    .addOption(
      new Option(
        '--create-missing-references',
        'add unknown graduation years and fields instead of rejecting the rows (never a near miss of a stored field); says which, --dry-run too',
      ),
    );
export type UsersImportOpts = OptsOf<typeof importRoster>;

const exportData = (users: CommandUnknownOpts) =>
  users
    .command('export-data')
    .description('everything held about one person, as one JSON document (a summary on a terminal); never a password hash')
    .argument('<person>', REF);

const erase = (users: CommandUnknownOpts) =>
  users
    .command('erase')
    .description('anonymise a person: personal values replaced or cleared everywhere, audit included; what the statistics count is kept')
    .argument('<person>', REF)
    .addOption(dryRunOption('list what would change; write nothing'))
    .addOption(yesOption());
export type UsersEraseOpts = OptsOf<typeof erase>;

export function registerUsers(program: Command, lazy: Lazy): void {
  const users = program.command('users').description('graduates and staff accounts');
  list(users).action(lazy(() => import('./list.js')));
  show(users).action(lazy(() => import('./show.js')));
  add(users).action(lazy(() => import('./add.js')));
  update(users).action(lazy(() => import('./update.js')));
  activate(users).action(lazy(() => import('./activate.js')));
  deactivate(users).action(lazy(() => import('./deactivate.js')));
  setRole(users).action(lazy(() => import('./set-role.js')));
  exportUsers(users).action(lazy(() => import('./export.js')));
  imports(users).action(lazy(() => import('./imports.js')));
  importRoster(users).action(lazy(() => import('./import.js')));
  exportData(users).action(lazy(() => import('./export-data.js')));
  erase(users).action(lazy(() => import('./erase.js')));
}
