import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/i18n/language.js';

/** How the language of a run is chosen (src/i18n/language.ts): --lang, ALUMNI_LANG, then LC_ALL > LC_MESSAGES > LANG. */
describe('chooseLanguage', () => {
  it('is English with nothing set', () => {
    expect(chooseLanguage([], {})).toEqual({ language: 'en', source: 'default' });
  });

  it('takes --lang first, in both spellings, the last one winning, not after --', () => {
    const env = { ALUMNI_LANG: 'en', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' };
    expect(chooseLanguage(['users', 'list', '--lang', 'fr'], env)).toMatchObject({ language: 'fr', source: '--lang' });
    expect(chooseLanguage(['--lang=fr', 'users', 'list'], env)).toMatchObject({ language: 'fr', source: '--lang' });
    expect(chooseLanguage(['--lang', 'FR'], env)).toMatchObject({ language: 'fr', source: '--lang' });
    expect(chooseLanguage(['--lang', 'fr', '--lang', 'en'], { LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'en', source: '--lang' });
    // After --, words are arguments: the environment decides.
    expect(chooseLanguage(['users', 'show', '--', '--lang', 'fr'], {})).toEqual({ language: 'en', source: 'default' });
  });

  it('leaves an unknown --lang to Commander: the language is the one the rest gives', () => {
    expect(chooseLanguage(['--lang', 'de'], { LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'fr', source: 'LANG' });
    expect(chooseLanguage(['--lang', 'de'], {})).toEqual({ language: 'en', source: 'default' });
  });

  it('takes ALUMNI_LANG before the locale, and ignores one that is neither fr nor en', () => {
    expect(chooseLanguage([], { ALUMNI_LANG: 'fr', LC_ALL: 'en_US.UTF-8' })).toMatchObject({ language: 'fr', source: 'ALUMNI_LANG' });
    expect(chooseLanguage([], { ALUMNI_LANG: ' EN ', LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'en', source: 'ALUMNI_LANG' });
    expect(chooseLanguage([], { ALUMNI_LANG: 'de', LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'fr', source: 'LANG' });
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(chooseLanguage([], { LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toEqual({
      language: 'fr',
      source: 'LC_ALL',
      value: 'fr_FR.UTF-8',
    });
    expect(chooseLanguage([], { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'en', source: 'LC_ALL' });
    expect(chooseLanguage([], { LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'en_GB.UTF-8' })).toMatchObject({
      language: 'fr',
      source: 'LC_MESSAGES',
    });
    expect(chooseLanguage([], { LC_MESSAGES: 'C', LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'en', source: 'LC_MESSAGES' });
    expect(chooseLanguage([], { LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'fr', source: 'LANG' });
  });

  it('skips an empty variable', () => {
    expect(chooseLanguage([], { LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8' })).toMatchObject({ language: 'fr', source: 'LANG' });
    expect(chooseLanguage([], { ALUMNI_LANG: '', LC_ALL: '', LANG: 'fr_CA.UTF-8' })).toMatchObject({ language: 'fr', source: 'LANG' });
    expect(chooseLanguage([], { LC_ALL: '', LC_MESSAGES: '', LANG: '' })).toEqual({ language: 'en', source: 'default' });
  });

  it("gives English for cron's LANG=C and POSIX, French for any fr locale", () => {
    expect(chooseLanguage([], { LANG: 'C' })).toMatchObject({ language: 'en', source: 'LANG', value: 'C' });
    expect(chooseLanguage([], { LANG: 'C.UTF-8' })).toMatchObject({ language: 'en' });
    expect(chooseLanguage([], { LC_ALL: 'POSIX' })).toMatchObject({ language: 'en' });
    for (const locale of ['fr_SN.UTF-8', 'fr_FR.UTF-8', 'fr_CI', 'fr', 'fr_BJ.ISO-8859-1']) {
      expect(chooseLanguage([], { LANG: locale })).toMatchObject({ language: 'fr', source: 'LANG', value: locale });
    }
    expect(chooseLanguage([], { LANG: 'en_SN.UTF-8' })).toMatchObject({ language: 'en' });
    expect(chooseLanguage([], { LANG: 'wo_SN.UTF-8' })).toMatchObject({ language: 'en' });
  });
});
