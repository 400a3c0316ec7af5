import { Command } from 'commander';
import type { Io } from './cli/io.js';
import type { CommandInput } from './commands/types.js';
import type { Context, GlobalOptions } from './context.js';
import { VERSION } from './version.js';

type CommandModule = { run: (ctx: Context, input: CommandInput<any>) => Promise<number | void> };

/** Where the chosen command leaves its exit code for main(). */
export interface RunState {
  exitCode: number;
}

/**
 * The command tree. Each action imports its module only when it runs, so `alumni
 * --help` loads neither the database drivers nor the other commands.
 */
export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('alumni')
    .description("Administer the school's alumni platform (PostgreSQL or the embedded database).")
    .version(VERSION, '-V, --version')
    .option('--database-url <url>', 'PostgreSQL server to use (default: DATABASE_URL, else the embedded database)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--as <user>', 'act as this administrator (e-mail or matricule; default: ALUMNI_ACTOR)')
    .option('--verbose', 'show details, and the stack trace of an unexpected error')
    .option('--no-color', 'no colour (NO_COLOR is respected too)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();

  const action = (load: () => Promise<CommandModule>) =>
    async function (this: Command, ...received: unknown[]) {
      const command = received.at(-1) as Command;
      const args = received.slice(0, -2).flat() as string[];
      const { Context } = await import('./context.js');
      const globals = command.optsWithGlobals<GlobalOptions>();
      const ctx = new Context(io, globals, commandWords(command));
      const module = await load();
      state.exitCode = (await module.run(ctx, { args, opts: command.opts() })) ?? 0;
    };

  const migrate = program
    .command('migrate')
    .description('bring the database schema up to date (default: latest), or step it up or down');
  migrate.command('latest', { isDefault: true }).description('apply every pending migration').action(action(() => import('./commands/migrate/latest.js')));
  migrate.command('up').description('apply the next pending migration').action(action(() => import('./commands/migrate/up.js')));
  migrate.command('down').description('revert the newest applied migration').action(action(() => import('./commands/migrate/down.js')));
  migrate.command('status').description('list applied and pending migrations').action(action(() => import('./commands/migrate/status.js')));
  migrate
    .command('make')
    .description('create an empty up/down SQL migration pair in migrations/ (for developers)')
    .argument('<name>', 'what the migration does, e.g. add_offer_salary')
    .action(action(() => import('./commands/migrate/make.js')));

  const users = program.command('users').description('graduates and staff accounts');
  const filterOptions = (command: Command) =>
    command
      .option('--statut <statut>', 'etudiant, enseignant, directeur, personnel_admin or personnel_technique (any case, accents or not)')
      .option('--role <role>', 'user, admin or super_admin (any case)')
      .option('--annee <year>', 'graduation year')
      .option('--domaine <field>', 'field (domaine), without regard to case or accents')
      .option('--travailleur <oui|non>', 'working or not (oui/non, yes/no, true/false, 1/0)')
      .option('--actif <oui|non>', 'active accounts or deactivated ones (oui/non, yes/no, true/false, 1/0)')
      .option('--search <text>', 'name, e-mail or matricule contains this');
  const fieldOptions = (command: Command) =>
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
    .action(action(() => import('./commands/users/list.js')));
  users.command('show').description('one user').argument('<ref>', 'id, e-mail or matricule').action(action(() => import('./commands/users/show.js')));
  fieldOptions(users.command('add').description('create a user (the first super_admin needs no --as)'))
    .option('--role <role>', 'user (default), admin or super_admin: only a super_admin gives roles')
    .option('--no-password', 'do not ask for a password')
    .action(action(() => import('./commands/users/add.js')));
  fieldOptions(users.command('update').description("change a user's fields").argument('<ref>', 'id, e-mail or matricule'))
    .action(action(() => import('./commands/users/update.js')));
  users.command('activate').description('reactivate an account').argument('<ref>', 'id, e-mail or matricule').action(action(() => import('./commands/users/activate.js')));
  users.command('deactivate').description('deactivate an account').argument('<ref>', 'id, e-mail or matricule').action(action(() => import('./commands/users/deactivate.js')));
  users
    .command('set-role')
    .description("change a user's role (super_admin only)")
    .argument('<ref>', 'id, e-mail or matricule')
    .argument('<role>', 'user, admin or super_admin')
    .action(action(() => import('./commands/users/set-role.js')));
  filterOptions(users.command('export').description('all matching users as CSV (default) or JSON; never a password hash'))
    .option('--csv', 'CSV on stdout (the default), as every list command takes it')
    .action(action(() => import('./commands/users/export.js')));
  users
    .command('imports')
    .description('the import ledger, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(action(() => import('./commands/users/imports.js')));
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
    .action(action(() => import('./commands/users/import.js')));

  const validate = program.command('validate').description('moderation: formations, groups and organisations waiting for approval');
  validate
    .command('list')
    .description('how many items wait in each queue, or the items of one queue, oldest first')
    .argument('[queue]', 'formations, groups or orgs')
    .option('--limit <n>', 'how many items', '1000')
    .option('--csv', 'CSV on stdout')
    .action(action(() => import('./commands/validate/list.js')));
  validate
    .command('approve')
    .description('approve items (for scripts; see review for the interactive queue)')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<ids...>', 'item ids')
    .action(action(() => import('./commands/validate/approve.js')));
  validate
    .command('reject')
    .description('reject items, saying why')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<ids...>', 'item ids')
    .option('--reason <text>', 'why (required): the author reads it')
    .action(action(() => import('./commands/validate/reject.js')));
  validate
    .command('review')
    .description('review a queue one card at a time, with single-key decisions (needs a terminal)')
    .argument('[queue]', 'formations, groups or orgs (default: all three, in that order)')
    .option('--reasons <file>', 'rejection reason templates, one per line (default: ALUMNI_REJECT_REASONS, else built-in French ones)')
    .action(action(() => import('./commands/validate/review.js')));
  validate
    .command('history')
    .description('moderation decisions, newest first')
    .option('--queue <queue>', 'formations, groups or orgs')
    .option('--item <id>', 'decisions on this item')
    .option('--moderator <ref>', 'decisions made (or withdrawn) by this user: id, e-mail or matricule')
    .option('--outcome <outcome>', 'approved, rejected or withdrawn')
    .option('--since <when>', 'a date (2026-01-31, 2026-01-31T08:00) or a duration back from now (90min, 12h, 7d, 2w, 6mo, 1y)')
    .option('--until <when>', 'before this date, or this duration back from now')
    .option('--limit <n>', 'how many', '100')
    .option('--csv', 'CSV on stdout')
    .action(action(() => import('./commands/validate/history.js')));
  validate
    .command('reopen')
    .description('undo a decision made by mistake: the item returns to its queue')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<id>', 'item id')
    .action(action(() => import('./commands/validate/reopen.js')));

  const jobs = program.command('jobs').description('maintenance jobs, for cron or on demand (they run as the system)');
  const jobNames = 'expire-offers, purge-messages, refresh-stats, purge-audit';
  jobs.command('list').description('each job: schedule, last run, next due time').action(action(() => import('./commands/jobs/list.js')));
  jobs
    .command('run')
    .description('run jobs now, each under its lock: one summary line per job')
    .argument('[jobs...]', jobNames)
    .option('--all', 'every job')
    .option('--dry-run', 'count what would change, and show the first rows; write nothing')
    .option('--wait <seconds>', 'when another run holds a job\'s lock, wait this long for it (default: exit 75 at once)')
    .option('--older-than <duration>', 'purge-audit: entries older than this go, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)')
    .action(action(() => import('./commands/jobs/run.js')));
  jobs
    .command('history')
    .description('runs, newest first')
    .argument('[job]', jobNames)
    .option('--limit <n>', 'how many', '50')
    .option('--csv', 'CSV on stdout')
    .action(action(() => import('./commands/jobs/history.js')));
  jobs.command('crontab').description('crontab lines for the default schedules, ready to paste').action(action(() => import('./commands/jobs/crontab.js')));
  jobs
    .command('schedule')
    .description('register the jobs in pg_cron (idempotent), running the same logic as `jobs run`')
    .argument('[jobs...]', `${jobNames} (default: all)`)
    .option('--older-than <duration>', 'purge-audit retention, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)')
    .action(action(() => import('./commands/jobs/schedule.js')));
  jobs
    .command('unschedule')
    .description('remove the jobs from pg_cron')
    .argument('[jobs...]', `${jobNames} (default: all)`)
    .action(action(() => import('./commands/jobs/unschedule.js')));
  jobs.command('check').description('for monitoring: exit 1 naming any job that is failing or overdue').action(action(() => import('./commands/jobs/check.js')));

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
    .action(action(() => import('./commands/audit/list.js')));
  audit.command('show').description('one entry with its before and after').argument('<id>').action(action(() => import('./commands/audit/show.js')));

  program
    .command('doctor')
    .description('say which database is in use and whether it is healthy')
    .action(action(() => import('./commands/doctor/index.js')));

  program
    .command('fixtures')
    .description('demo data for trying the tool')
    .command('load')
    .description('load the demo data set into an empty database')
    .action(action(() => import('./commands/fixtures/load.js')));

  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
    command.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allCommands(child)]);
}

/** "migrate status" for `alumni migrate status`: the words that go into the user agent. */
function commandWords(command: Command): string {
  const words: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) words.unshift(current.name());
  return words.join(' ');
}
