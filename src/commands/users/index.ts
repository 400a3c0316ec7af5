import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerUsers(program: Command, lazy: Lazy): void {
  const users = program.command('users').description('graduates and staff accounts');
  const filterOptions = (command: CommandUnknownOpts) =>
    command
      .option('--statut <statut>', 'etudiant, enseignant, directeur, personnel_admin or personnel_technique (any case, accents or not)')
      .option('--role <role>', 'user, admin or super_admin (any case)')
      .option('--annee <year>', 'graduation year')
      .option('--domaine <field>', 'field (domaine), without regard to case or accents')
      .option('--travailleur <oui|non>', 'working or not (oui/non, yes/no, true/false, 1/0)')
      .option('--actif <oui|non>', 'active accounts or deactivated ones (oui/non, yes/no, true/false, 1/0)')
      .option('--search <text>', 'name, e-mail or matricule contains this');
  const fieldOptions = (command: CommandUnknownOpts) =>
    command
      .option('--nom <name>', 'nom_complet')
      .option('--matricule <id>', 'matricule')
      .option('--email <address>', 'e-mail (stored lower-case)')
      .option('--titre <title>', 'titre')
      .option('--statut <statut>', 'etudiant, enseignant, directeur, personnel_admin or personnel_technique (any case, accents or not)')
      .option('--annee <year>', 'graduation year (in annee_reference)')
      .option('--domaine <field>', 'field (in domaine_reference)')
      .option('--travailleur <oui|non>', 'working or not (oui/non, yes/no, true/false, 1/0; empty clears it)')
      .option('--telephone <number>', 'phone, stored as E.164')
      .option('--country <code>', 'default country for a phone without +, e.g. SN')
      .option('--password-stdin', 'read the password from standard input');
  filterOptions(users.command('list').description('list users, a page at a time'))
    .option('--limit <n>', 'users per page', '50')
    .option('--after <cursor>', 'the page after this cursor (printed by the previous page)')
    .option('--csv', 'CSV on stdout')
    .action(lazy(() => import('./list.js')));
  users.command('show').description('one user').argument('<ref>', 'id, e-mail or matricule').action(lazy(() => import('./show.js')));
  fieldOptions(users.command('add').description('create a user (the first super_admin needs no --as)'))
    .option('--role <role>', 'user (default), admin or super_admin: only a super_admin gives roles')
    .option('--no-password', 'do not ask for a password')
    .action(lazy(() => import('./add.js')));
  fieldOptions(users.command('update').description("change a user's fields").argument('<ref>', 'id, e-mail or matricule'))
    .action(lazy(() => import('./update.js')));
  users.command('activate').description('reactivate an account').argument('<ref>', 'id, e-mail or matricule').action(lazy(() => import('./activate.js')));
  users.command('deactivate').description('deactivate an account').argument('<ref>', 'id, e-mail or matricule').action(lazy(() => import('./deactivate.js')));
  users
    .command('set-role')
    .description("change a user's role (super_admin only)")
    .argument('<ref>', 'id, e-mail or matricule')
    .argument('<role>', 'user, admin or super_admin')
    .action(lazy(() => import('./set-role.js')));
  filterOptions(users.command('export').description('all matching users as CSV (default) or JSON; never a password hash'))
    .option('--csv', 'CSV on stdout (the default), as every list command takes it')
    .action(lazy(() => import('./export.js')));
  users
    .command('imports')
    .description('the import ledger, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(lazy(() => import('./imports.js')));
  users
    .command('import')
    .description('import a roster CSV (a registrar export) into utilisateur')
    .argument('<file>', 'the CSV file, or - for standard input')
    .option('--mode <mode>', 'upsert (insert new, update known), insert (skip known) or update (reject unknown)', 'upsert')
    .option('--dry-run', 'check everything, database included, and report; write nothing')
    .option('--all-or-nothing', 'write nothing unless every row is valid')
    .option('--encoding <name>', 'utf-8 or windows-1252 (default: detected)')
    .option('--delimiter <char>', ', ; or tab (default: detected)')
    .option('--map <Header=field>', "read column Header as field (repeatable)", (value: string, all: string[] = []) => [...all, value])
    .option('--country <code>', 'default country for phone numbers without +, e.g. SN')
    .option('--create-missing-references', 'add unknown graduation years and fields instead of rejecting the rows')
    .option('--rejects <path>', 'where rejected rows go (default: <file name>.rejects.csv here)')
    .option('--batch-size <rows>', 'rows per transaction', '5000')
    .action(lazy(() => import('./import.js')));
}
