import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReasons, loadReasons } from '../../src/commands/validate/shared.js';

describe('rejection reason templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alumni-reasons-'));

  it('are the built-in French ones unless a file replaces them', () => {
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
