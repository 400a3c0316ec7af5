import { Command } from '@commander-js/extra-typings';
import type { Io } from './cli/io.js';
import { visibleLines } from './cli/visible.js';
import { registerAudit } from './commands/audit/index.js';
import { registerDoctor } from './commands/doctor/index.js';
import { registerFixtures } from './commands/fixtures/index.js';
import { registerGroups } from './commands/groups/index.js';
import { registerJobs } from './commands/jobs/index.js';
import { lazyActions, type RunState } from './commands/lazy.js';
import { registerMigrate } from './commands/migrate/index.js';
import { registerOffers } from './commands/offers/index.js';
import { registerOrgs } from './commands/orgs/index.js';
import { registerRefs } from './commands/refs/index.js';
import { registerStats } from './commands/stats/index.js';
import { registerUsers } from './commands/users/index.js';
import { registerValidate } from './commands/validate/index.js';
import { VERSION } from './version.js';

/**
 * The command tree: the global options, then each noun's own registration module
 * (src/commands/<noun>/index.ts). Subcommands made with .command() inherit the
 * settings below (exit override, output, suggestions, help after an error).
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
    // Commander's errors echo the arguments given (a value an option refused): their
    // controls are escaped, as in every message (src/cli/visible.ts).
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(visibleLines(text)) })
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
    registerAudit,
    registerDoctor,
    registerFixtures,
  ]) {
    register(program, lazy);
  }
  return program;
}
