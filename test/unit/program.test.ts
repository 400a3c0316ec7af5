import { describe, expect, it } from 'vitest';
import { runMain } from '../support/main.js';

/** The command tree as a user meets it, in process: no database is opened for any of this. */
describe('the command tree', () => {
  it.each([
    ['users', ['list', 'show', 'add', 'update', 'activate', 'deactivate', 'set-role', 'export', 'imports', 'import']],
    ['validate', ['list', 'approve', 'reject', 'review', 'history', 'reopen']],
    ['jobs', ['list', 'run', 'history', 'crontab', 'schedule', 'unschedule', 'check']],
    ['audit', ['list', 'show']],
    ['refs', ['fields', 'years']],
    ['refs fields', ['list', 'add', 'rename', 'alias', 'deactivate']],
    ['refs years', ['list', 'add', 'open', 'close']],
    ['groups', ['list', 'show', 'add', 'update', 'members', 'messages']],
    ['groups members', ['list', 'add', 'remove', 'set-role']],
    ['groups messages', ['list', 'delete']],
    ['offers', ['list', 'search', 'show', 'add', 'close', 'expiring', 'extend']],
    ['stats', ['employment', 'domains', 'overview', 'report']],
    ['migrate', ['latest', 'up', 'down', 'status', 'make']],
  ])('%s --help lists its verbs on stdout', async (noun, verbs) => {
    const help = await runMain([...noun.split(' '), '--help']);
    expect(help.code).toBe(0);
    for (const verb of verbs) expect(help.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, 'm'));
    expect(help.stderr).toBe('');
  });

  it('offers expiring --help shows the default window, which a run without --within uses', async () => {
    const help = await runMain(['offers', 'expiring', '--help']);
    expect(help.stdout).toMatch(/--within <duration>\s+how far ahead \(90min, 12h, 7d, 2w, 6mo, 1y\) \(default:\s+7d\)/);
  });

  it('every nested command inherits the settings: exit 2, a suggestion and the help hint on stderr, nothing on stdout', async () => {
    const verb = await runMain(['users', 'lsit']);
    expect(verb.code).toBe(2);
    expect(verb.stderr).toContain("unknown command 'lsit'");
    expect(verb.stderr).toContain('(Did you mean list?)');
    expect(verb.stderr).toContain('(run with --help for usage)');
    expect(verb.stdout).toBe('');
    const option = await runMain(['validate', 'history', '--outcom', 'approved']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--outcom'");
    expect(option.stderr).toContain('(Did you mean --outcome?)');
  });

  it('a refused option value exits 2 before any database is opened', async () => {
    // The URL points nowhere: reaching it would fail with exit 1, not 2.
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const refused = await runMain(['audit', 'list', '--limit', 'many'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--limit "many": give a whole number from 1 to 10000.');
  });
});
