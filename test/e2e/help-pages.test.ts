import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * The built CLI's help pages as gh's (issue 27, point 3), in English and in French: the
 * top level lists its commands under headings, a subcommand's page lists the options it
 * inherits, and every page ends with examples. No database is opened.
 */

const LANGUAGES = [
  {
    LANG: 'C',
    usage: 'Usage:',
    inherited: 'Inherited options:',
    examples: 'Examples:',
    headings: ['People and rosters:', 'Catalogue:', 'Moderation:', 'Statistics:', 'Operations:'],
  },
  {
    LANG: 'fr_FR.UTF-8',
    usage: 'Utilisation :',
    inherited: 'Options héritées :',
    examples: 'Exemples :',
    headings: ['Personnes et promotions :', 'Catalogue :', 'Modération :', 'Statistiques :', 'Exploitation :'],
  },
];

/** The section titles of a help page, in order (a line that starts a line and ends with a colon). */
const titles = (page: string) => page.split('\n').filter((line) => /^\S.*:$/.test(line));

describe.each(LANGUAGES)('help pages under LANG=$LANG', (language) => {
  it('alumni --help: the nouns under the five headings, then the examples', async () => {
    const result = await runCli(['--help'], { env: { LANG: language.LANG } });
    expect(result.code).toBe(0);
    expect(titles(result.stdout).slice(1)).toEqual([...language.headings, language.examples]);
    expect(result.stdout).toMatch(new RegExp(`\\n${language.headings[0]}\\n  users .*\\n(?:  .*\\n)*  groups `));
    expect(result.stdout).toContain('  $ alumni fixtures load\n');
  });

  it.each([['users', 'list'], ['orgs', 'contacts'], ['groups', 'members', 'add'], ['doctor']])(
    'alumni %s … --help: inherited options, then examples, at the end of the page',
    async (...path) => {
      const result = await runCli([...path, '--help'], { env: { LANG: language.LANG } });
      expect(result.code).toBe(0);
      const sections = titles(result.stdout);
      expect(sections).toContain(language.inherited);
      expect(sections.at(-1)).toBe(language.examples);
      for (const flags of ['--database-url <url>', '--json', '--as <user>', '--verbose', '--no-color', '--lang <language>']) {
        expect(result.stdout).toContain(`\n  ${flags} `);
      }
      expect(result.stdout).toMatch(new RegExp(`\\n  # .+\\n  \\$ alumni ${path.join(' ')} `));
      expect(result.stderr).toBe('');
    },
  );
});
