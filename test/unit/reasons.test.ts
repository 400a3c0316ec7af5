import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReasons, loadReasons } from '../../src/commands/validate/shared.js';
import { setLanguage } from '../../src/i18n/messages.js';

describe('rejection reason templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alumni-reasons-'));

  afterEach(() => setLanguage({ language: 'en', source: 'default' }));

  it("are built in, in the moderator's language: what is picked is what is stored", () => {
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    expect(defaultReasons()).toHaveLength(6);
    expect(defaultReasons()[0]).toBe('Informations incomplètes : merci de préciser les dates, le lieu et un contact.');
    expect(loadReasons(undefined, {})).toEqual(defaultReasons());
    setLanguage({ language: 'en', source: 'default' });
    expect(defaultReasons()[0]).toBe('Incomplete information: please give the dates, the place and a contact.');
  });

  it('are the built-in ones unless a file replaces them', () => {
    expect(loadReasons(undefined, {})).toEqual(defaultReasons());
    const file = join(dir, 'motifs.txt');
    writeFileSync(file, '# nos motifs\r\nPhoto manquante.\r\n\r\n  Lien cassé.  \r\n');
    expect(loadReasons(file, {})).toEqual(['Photo manquante.', 'Lien cassé.']);
    expect(loadReasons(undefined, { ALUMNI_REJECT_REASONS: file })).toEqual(['Photo manquante.', 'Lien cassé.']);
  });

  it('refuse a missing or empty file with exit 2', () => {
    expect(() => loadReasons(join(dir, 'absent.txt'), {})).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/ENOENT/) }),
    );
    writeFileSync(join(dir, 'vide.txt'), '# rien\n');
    expect(() => loadReasons(join(dir, 'vide.txt'), {})).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
