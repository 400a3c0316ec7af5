import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGS, literalParts } from '../support/catalog-text.js';

type Message = string | ((params: never) => string);

/**
 * Words (and names) French and English write the same: a French message may equal its
 * English one only when it is one of these (a trailing colon and the space French puts
 * before it aside). Add to this list a word both languages really share, never a
 * sentence left untranslated.
 */
const SHARED = new Set([
  'ok',
  'table',
  'Table',
  'Id',
  'h',
  'min',
  'Dates',
  'Formation',
  'Matricule',
  'messages',
  'organisations',
  'Photo',
  'Action',
  'Actions',
  'Arguments',
  'Audit',
  'Code',
  'Contact',
  'Contacts',
  'CSV',
  'Date',
  'Description',
  'Destination',
  'Direction',
  'E-mail',
  'Expiration',
  'Format',
  'HTML',
  'ID',
  'Import',
  'Imports',
  'JSON',
  'Max',
  'Message',
  'Messages',
  'Migration',
  'Migrations',
  'Min',
  'Mode',
  'Note',
  'Notes',
  'OK',
  'Options',
  'Organisation',
  'Organisations',
  'PDF',
  'PGlite',
  'PostgreSQL',
  'Position',
  'Principal',
  'Question',
  'Session',
  'Sessions',
  'Source',
  'Total',
  'Type',
  'Types',
  'Validation',
  'Version',
]);

const entries = (catalog: Record<string, Message>) => Object.entries(catalog) as [string, Message][];
/** What a message says for the comparison: its literal parts containing letters. */
const wording = (message: Message) => literalParts(message).filter((part) => /\p{L}/u.test(part));
// A word both languages share, a name (pg_cron), or a list of values a person types
// (` (oui/non)`, ` (90min, 12h, 7d)`): the same in both languages.
const shared = (text: string) => {
  const bare = text.replace(/\s*:\s*$/, '').trim();
  return SHARED.has(bare) || SHARED.has(bare.toLowerCase()) || /^[a-z]+_[a-z_]+$/.test(bare) || /^\([^()]*\)$/.test(bare);
};

describe('the catalogs (src/i18n/en, src/i18n/fr)', () => {
  it('has the same areas in both languages', () => {
    expect(Object.keys(AREAS.fr)).toEqual(Object.keys(AREAS.en));
  });

  it("prefixes each area's keys with its name", () => {
    const stray: string[] = [];
    for (const language of ['en', 'fr'] as const) {
      for (const [area, messages] of Object.entries(AREAS[language])) {
        for (const key of Object.keys(messages)) if (!key.startsWith(`${area}.`)) stray.push(`${language}/${area}.ts: ${key}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('puts no key in two areas', () => {
    for (const language of ['en', 'fr'] as const) {
      const areaOf = new Map<string, string>();
      const twice: string[] = [];
      for (const [area, messages] of Object.entries(AREAS[language])) {
        for (const key of Object.keys(messages)) {
          if (areaOf.has(key)) twice.push(`${key} in ${areaOf.get(key)} and ${area}`);
          areaOf.set(key, area);
        }
      }
      expect(twice).toEqual([]);
      // The merged catalog lost none of them.
      expect(Object.keys(CATALOGS[language]).length).toBe(areaOf.size);
    }
  });

  it('has the same keys in English and French, area by area, each a string in both or a function in both', () => {
    for (const [area, enMessages] of Object.entries(AREAS.en)) {
      const frMessages = AREAS.fr[area as keyof typeof AREAS.fr] as Record<string, Message>;
      expect(Object.keys(frMessages).sort(), `keys of ${area}`).toEqual(Object.keys(enMessages).sort());
      for (const [key, message] of entries(enMessages as Record<string, Message>)) {
        expect(typeof frMessages[key], key).toBe(typeof message);
      }
    }
  });

  it('has no empty message', () => {
    for (const language of ['en', 'fr'] as const) {
      const empty = entries(CATALOGS[language]).filter(([, m]) => typeof m === 'string' && m.trim() === '');
      expect(empty.map(([key]) => `${language}: ${key}`)).toEqual([]);
    }
  });

  it('translates every message: a French one equal to its English one is a word both languages share', () => {
    const untranslated: string[] = [];
    for (const [key, message] of entries(CATALOGS.en)) {
      const french = (CATALOGS.fr as Record<string, Message>)[key]!;
      const enWords = wording(message);
      const frWords = wording(french);
      if (enWords.length === 0 || enWords.join('\u0000') !== frWords.join('\u0000')) continue;
      if (enWords.every(shared)) continue;
      untranslated.push(`${key}: ${JSON.stringify(enWords.join('…'))}`);
    }
    expect(untranslated).toEqual([]);
  });

  it('quotes values with « » in French, never straight quotes', () => {
    const straight: string[] = [];
    for (const [key, message] of entries(CATALOGS.fr)) {
      if (typeof message !== 'function') continue;
      // A quote not preceded by a letter (not the elision of l'${…}) right before a value;
      // a command to copy (`(alumni refs fields alias "…" "…")`) quotes as the shell does.
      const text = message.toString().replace(/\(alumni [^)]*\)/g, '');
      if (/(?<![\p{L}])['"]\$\{/u.test(text)) straight.push(key);
    }
    expect(straight).toEqual([]);
  });

  it('the literal parts of a function message are its text, not the values it compares', () => {
    const parts = literalParts(
      (p: { n: number; kind: string }) => `${p.n} row${p.n === 1 ? '' : 's'} ${p.kind === 'x' ? 'skipped' : 'kept'}`,
    );
    expect(parts.filter(Boolean)).toEqual([' row', 's', ' ', 'skipped', 'kept']);
    expect(literalParts('Usage:')).toEqual(['Usage:']);
  });
});
