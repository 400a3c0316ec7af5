// `npm run build`, last step: the manual pages, written from the command tree the build
// just compiled (dist/program.js), so they list every command, option and fixed value the
// CLI has. man/alumni.1 is the overview (every command, the global options, the
// environment, the exit codes, examples, shell completion); man/alumni-<noun>.1 holds each
// noun's commands with their arguments and options. package.json's "man" field lists
// them, so npm installs them (`man alumni`, `man alumni-users`).
//
// The manual is in English: it is the reference, written from the English catalog. The
// help (`--help`) and every message speak French or English; this page does not.
//
// `node scripts/man.mjs [--out DIR]` (default: man/ at the package root). Generated at each
// build and not committed (.gitignore): `npm ci` builds it through `prepare`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(join(root, 'dist', path));
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex === -1 ? join(root, 'man') : process.argv[outIndex + 1];

const { setLanguage } = await dist('i18n/messages.js');
setLanguage({ language: 'en', source: 'default' });
const [{ buildProgram }, { ExitCode }, { Interruption }] = await Promise.all([dist('program.js'), dist('errors.js'), dist('interrupt.js')]);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const program = buildProgram(
  { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} },
  { exitCode: 0, interruption: new Interruption() },
);

// What the tree does not say: the environment, the exit codes, examples.

/** Every variable the CLI reads (test/e2e/man.test.ts checks that each ALUMNI_* of src is here). */
const ENVIRONMENT = [
  [
    'DATABASE_URL',
    'The PostgreSQL server to use (postgres:// or postgresql:// URL), unless --database-url is given. Unset: the embedded database.',
  ],
  [
    'ALUMNI_DATA_DIR',
    'Where the embedded database lives (default: $XDG_DATA_HOME/alumni, else ~/.local/share/alumni). Created and migrated at first use.',
  ],
  ['XDG_DATA_HOME', 'The base of the default ALUMNI_DATA_DIR.'],
  [
    'ALUMNI_LOCK_WAIT_MS',
    'How long (whole milliseconds, default 3000) a command waits for another process to release the embedded database before exiting 75.',
  ],
  ['ALUMNI_ACTOR', 'The acting administrator (e-mail or matricule) when --as is not given; every write needs one.'],
  ['ALUMNI_LANG', 'The language of messages and help, fr or en, unless --lang is given; another value is ignored.'],
  [
    'LC_ALL, LC_MESSAGES, LANG',
    'Without --lang or ALUMNI_LANG, the first one set decides: a value starting with fr gives French, any other English.',
  ],
  ['TZ', 'The time zone of the dates and times shown to a person.'],
  ['NO_COLOR', 'When set and not empty, no colour (as --no-color).'],
  ['CI', 'When true, nothing is ever asked interactively.'],
  [
    'ALUMNI_AUDIT_RETENTION',
    'How long audit entries are kept by the purge-audit job when --older-than is not given (a duration, default 365 days).',
  ],
  ['ALUMNI_REJECT_REASONS', 'A file of rejection reasons, one a line, for validate review (as --reasons).'],
  [
    'ALUMNI_PROGRESS_DELAY_MS',
    'How long (milliseconds, default 200) a step runs before its status line shows on a terminal; 0 shows it at once.',
  ],
  ['ALUMNI_CHROMIUM', 'The Chromium program stats report uses to write a PDF (default: chromium on PATH, else /usr/bin/chromium).'],
];

/** The meaning of each exit code of src/errors.ts, by its name there: a new code without one fails the build. */
const EXIT_STATUS = {
  ok: 'Success.',
  failure:
    'Failure: an unexpected error (one sentence; the stack with --verbose), a server that does not answer, a job that failed, or doctor / jobs check finding something to do.',
  usage:
    'Usage error or unusable input, nothing written: an unknown command or option, a value an option refuses, a file that cannot be read or written, a schema behind or ahead of this version.',
  rejected: 'Finished, but some rows or items were rejected or skipped, each reported on standard error.',
  notFound: 'Not found: a person, organisation, group, offer or reference value that does not exist.',
  locked: 'Another run holds the lock (the embedded database, a job): try later.',
  notPermitted: 'Not permitted: no acting administrator (--as, ALUMNI_ACTOR), or one who may not do this.',
};
const SIGNALS = [['129, 130, 143', 'Interrupted by SIGHUP, SIGINT (Ctrl-C) or SIGTERM: the command stopped in order.']];

const EXAMPLES = [
  ['Load the demo data into the embedded database (created at first use):', 'alumni fixtures load'],
  [
    "Import a registrar's roster as an administrator (rejected rows go to roster-sample.rejects.csv):",
    'alumni users import fixtures/roster-sample.csv --country SN --as direction@ecole.example',
  ],
  ['List the students of 2024 who work, as JSON:', 'alumni users list --statut etudiant --annee 2024 --travailleur oui --json'],
  [
    'Add the graduates of 2024 to a group:',
    'alumni groups members add "Promo 2024" --from-users --annee 2024 --as direction@ecole.example',
  ],
  ['Review what waits for moderation, on a terminal:', 'alumni validate review --as direction@ecole.example'],
  ['Use a PostgreSQL server, bring its schema up to date:', 'DATABASE_URL=postgres://alumni@db.example/alumni alumni migrate latest'],
  ['The crontab lines of the maintenance jobs, to paste with crontab -e:', 'alumni jobs crontab'],
  ['Complete commands, options and names in bash:', 'source <(alumni completion bash)'],
];

// roff.

/** Text for roff: backslashes and dashes escaped, a line never starting with a control character. */
function roff(text) {
  return String(text)
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** `--statut <statut>` as bold flags and italic placeholders. */
function term(text) {
  return roff(text)
    .replace(/<([^>]+)>/g, '\\fI$1\\fR')
    .replace(/\[([^\]]+)\]/g, '[\\fI$1\\fR]')
    .replace(/(^|[\s,])(\\-\\-?[\w\\-]+)/g, '$1\\fB$2\\fR');
}

const visibleCommands = (command) =>
  command
    .createHelp()
    .visibleCommands(command)
    .filter((c) => c.name() !== 'help');
const path = (command) => {
  const words = [];
  for (let at = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words;
};
const leaves = (command) => {
  const subs = visibleCommands(command);
  return subs.length === 0 ? [command] : subs.flatMap(leaves);
};

function header(name, description) {
  return [
    `.\\" Generated by scripts/man.mjs from the command tree: edit the sources, not this file.`,
    `.TH ${name.toUpperCase()} 1 "" "alumni ${version}" "alumni manual"`,
    // Values such as personnel_technique are typed as shown: never hyphenated, lines not stretched.
    '.nh',
    '.ad l',
    '.SH NAME',
    `${roff(name)} \\- ${roff(description)}`,
  ];
}

function optionItems(command, options) {
  const help = command.createHelp();
  return options.flatMap((option) => ['.TP', `.B ${term(help.optionTerm(option))}`, roff(help.optionDescription(option))]);
}

/** `alumni users show [options] <ref>`: the command in bold, its placeholders in italics. */
function usage(command) {
  return `\\fB${roff(['alumni', ...path(command)].join(' '))}\\fR ${term(command.usage())}`;
}

function commandSection(command) {
  const help = command.createHelp();
  const lines = ['.SS', usage(command), roff(command.description())];
  const args = command.registeredArguments.filter((argument) => argument.description);
  if (args.length > 0) {
    lines.push('.RS', '.PP', 'Arguments:');
    for (const argument of args) lines.push('.TP', `.I ${roff(argument.name())}`, roff(help.argumentDescription(argument)));
    lines.push('.RE');
  }
  const options = help.visibleOptions(command).filter((option) => option.long !== '--help');
  if (options.length > 0) lines.push('.RS', '.PP', 'Options:', ...optionItems(command, options), '.RE');
  return lines;
}

function overview(nouns) {
  const globals = program
    .createHelp()
    .visibleOptions(program)
    .filter((option) => option.long !== '--help');
  const exitCodes = Object.entries(ExitCode).map(([name, code]) => {
    if (!EXIT_STATUS[name]) throw new Error(`scripts/man.mjs: exit code ${name} (${code}) of src/errors.ts has no description`);
    return [String(code), EXIT_STATUS[name]];
  });
  return [
    ...header('alumni', program.description().replace(/\.$/, '')),
    '.SH SYNOPSIS',
    '.B alumni',
    '.RI [ global-options ]',
    '.I noun verb',
    '.RI [ arguments ]',
    '.RI [ options ]',
    '.br',
    '.B alumni',
    '.I command',
    '.B \\-\\-help',
    '.SH DESCRIPTION',
    "Command-line administration of a school's alumni platform: accounts and roster imports, organisations, offers, groups, moderation, reference values, statistics and maintenance jobs, on a PostgreSQL server or on an embedded database (PGlite) that needs no server.",
    '.PP',
    'Commands are a noun and a verb (\\fBalumni users list\\fR). Data goes to standard output: a table fitted to a terminal, tab-separated lines in a pipe, JSON with \\fB\\-\\-json\\fR, CSV with \\fB\\-\\-csv\\fR; messages, warnings and progress go to standard error.',
    'Every write is made by an administrator named with \\fB\\-\\-as\\fR or ALUMNI_ACTOR, and audited.',
    '.PP',
    'Messages and help are in French or English (see ENVIRONMENT); command and option names, JSON, CSV and exit codes never change with the language.',
    'This manual is the reference, in English; \\fBalumni\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR says the same in the language of the run.',
    '.SH COMMANDS',
    ...leaves(program).flatMap((command) => ['.TP', usage(command), roff(command.description())]),
    '.PP',
    `Each noun's page gives its commands' arguments and options: ${nouns.map((noun) => `\\fBalumni\\-${roff(noun.name())}\\fR(1)`).join(', ')}.`,
    '.SH OPTIONS',
    'These global options are accepted by every command, before or after it:',
    ...optionItems(program, globals),
    '.TP',
    `.B ${term('-h, --help')}`,
    'Show the help of the command (in the language of the run).',
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.flatMap(([name, text]) => ['.TP', `.B ${roff(name)}`, roff(text)]),
    '.SH EXIT STATUS',
    ...[...exitCodes, ...SIGNALS].flatMap(([code, text]) => ['.TP', `.B ${code}`, roff(text)]),
    '.SH SHELL COMPLETION',
    '\\fBalumni completion\\fR \\fIbash\\fR|\\fIzsh\\fR|\\fIfish\\fR prints a script that completes commands, options, their fixed values, and the names of groups and organisations (read from the database when it answers within a second). Set it up once:',
    '.PP',
    '.RS',
    '.nf',
    'source <(alumni completion bash)          # in ~/.bashrc',
    roff('alumni completion bash > ~/.local/share/bash-completion/completions/alumni'),
    roff('alumni completion zsh > "${fpath[1]}/_alumni"'),
    roff('alumni completion fish > ~/.config/fish/completions/alumni.fish'),
    '.fi',
    '.RE',
    '.SH EXAMPLES',
    ...EXAMPLES.flatMap(([text, example]) => ['.PP', roff(text), '.PP', '.RS', '.nf', roff(example), '.fi', '.RE']),
    '.SH SEE ALSO',
    `${nouns.map((noun) => `\\fBalumni\\-${roff(noun.name())}\\fR(1)`).join(', ')}, \\fBpsql\\fR(1), \\fBcrontab\\fR(1).`,
    '.PP',
    'The README of the package: the roster import, moderation, statistics, the jobs and the design, in detail.',
  ];
}

function nounPage(noun) {
  const name = `alumni-${noun.name()}`;
  const commands = leaves(noun);
  return [
    ...header(name, noun.description()),
    '.SH SYNOPSIS',
    ...commands.flatMap((command) => [usage(command), '.br']),
    '.SH DESCRIPTION',
    roff(noun.description()),
    '.PP',
    'The global options (\\fB\\-\\-database\\-url\\fR, \\fB\\-\\-json\\fR, \\fB\\-\\-as\\fR, \\fB\\-\\-verbose\\fR, \\fB\\-\\-no\\-color\\fR, \\fB\\-\\-lang\\fR), the environment and the exit codes are those of \\fBalumni\\fR(1).',
    '.SH COMMANDS',
    ...commands.flatMap(commandSection),
    '.SH SEE ALSO',
    '\\fBalumni\\fR(1)',
  ];
}

const nouns = visibleCommands(program);
const pages = new Map([['alumni.1', overview(nouns)]]);
for (const noun of nouns) pages.set(`alumni-${noun.name()}.1`, nounPage(noun));

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (/^alumni.*\.1$/.test(file)) rmSync(join(outDir, file));
for (const [file, lines] of pages) writeFileSync(join(outDir, file), `${lines.join('\n')}\n`);
