import { Command, Option } from '@commander-js/extra-typings';
import { commanderErrorText, helpInLanguage } from './cli/commander-language.js';
import { groupCommands } from './cli/help-groups.js';
import { nameValuesOfMissingOptions } from './cli/options.js';
import { LANGUAGES } from './i18n/language.js';
import { t } from './i18n/messages.js';
import type { Io } from './cli/io.js';
import { visibleLines } from './cli/visible.js';
import { registerAudit } from './commands/audit/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerDoctor } from './commands/doctor/index.js';
import { registerFixtures } from './commands/fixtures/index.js';
import { registerGroups } from './commands/groups/index.js';
import { registerJobs } from './commands/jobs/index.js';
import { lazyActions, type RunState } from './commands/lazy.js';
import { registerMigrate } from './commands/migrate/index.js';
import { registerOffers } from './commands/offers/index.js';
import { registerOrgs } from './commands/orgs/index.js';
import { registerRefs } from './commands/refs/index.js';
import { registerSettings } from './commands/settings/index.js';
import { registerStats } from './commands/stats/index.js';
import { registerUsers } from './commands/users/index.js';
import { registerValidate } from './commands/validate/index.js';
import { VERSION } from './version.js';

/**
 * The command tree: the global options, then each noun's own registration module
 * (src/commands/<noun>/index.ts). Subcommands made with .command() inherit the
 * settings below (exit override, output, suggestions, help after an error, and the
 * help's and errors' words in the language of the run: src/cli/commander-language.ts).
 * Under --json a usage error is written by main as a JSON object, so Commander's own
 * text is left out. Every help page lists its inherited options and ends with examples
 * (src/cli/help-examples.ts); the top level groups its nouns (src/cli/help-groups.ts).
 */
export function buildProgram(io: Io, state: RunState, options: { json?: boolean } = {}): Command {
  const writeErr = (text: string) => void io.stderr.write(visibleLines(text));
  const program = new Command('alumni')
    .description(t('cli.program.description'))
    .version(VERSION, '-V, --version', t('cli.help.version'))
    .helpOption('-h, --help', t('cli.help.option'))
    .helpCommand('help [command]', t('cli.help.command'))
    .option('--database-url <url>', t('cli.program.database_url'))
    .option('--json', t('cli.program.json'))
    .option('--as <user>', t('cli.program.as'))
    .option('--verbose', t('cli.program.verbose'))
    .option('--no-color', t('cli.program.no_color'))
    .addOption(new Option('--lang <language>', t('cli.program.lang')).choices(LANGUAGES))
    .showHelpAfterError(options.json ? false : t('cli.help.after_error'))
    .showSuggestionAfterError(true)
    // Commander's errors echo the arguments given (a value an option refused): their
    // controls are escaped, as in every message (src/cli/visible.ts).
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr,
      outputError: (text) => (options.json ? undefined : writeErr(commanderErrorText(text))),
    })
    .configureHelp(helpInLanguage)
    .exitOverride();

  const lazy = lazyActions(io, state);
  for (const register of [
    registerMigrate,
    registerUsers,
    registerOrgs,
    registerOffers,
    registerGroups,
    registerValidate,
    registerRefs,
    registerJobs,
    registerStats,
    registerSettings,
    registerAudit,
    registerDoctor,
    registerFixtures,
    registerCompletion,
  ]) {
    register(program, lazy);
  }
  // The top-level help lists the nouns under headings (src/cli/help-groups.ts).
  groupCommands(program);
  nameValuesOfMissingOptions(program);
  return program;
}
