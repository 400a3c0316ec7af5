/**
 * Which language a person reads: `--lang fr|en`, else ALUMNI_LANG, else the locale
 * variables in POSIX order (LC_ALL, then LC_MESSAGES, then LANG; an empty one does not
 * count), where a value starting with `fr` gives French and any other English; else
 * English. Cron's `LANG=C` gives English. Machine output never depends on it.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the language came from, for `doctor`. */
export type LanguageSource = '--lang' | 'ALUMNI_LANG' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'default';

export interface LanguageChoice {
  language: Language;
  source: LanguageSource;
  /** The value that decided it (the option's or the variable's). */
  value?: string;
}

/**
 * The language for `argv` and `env`. `--lang` is read from argv before Commander parses
 * it, because the help pages and Commander's own errors are written in it; a value
 * other than fr or en is left for Commander to refuse (the language is then the one the
 * rest would give). An ALUMNI_LANG other than fr or en is ignored.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): LanguageChoice {
  const option = langOption(argv);
  if (option === 'fr' || option === 'en') return { language: option, source: '--lang', value: option };
  const alumni = env.ALUMNI_LANG?.trim().toLowerCase();
  if (alumni === 'fr' || alumni === 'en') return { language: alumni, source: 'ALUMNI_LANG', value: env.ALUMNI_LANG };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return { language: /^fr/i.test(value) ? 'fr' : 'en', source: name, value };
  }
  return { language: 'en', source: 'default' };
}

/** The value of the last `--lang X` or `--lang=X` before a `--`. */
function langOption(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value?.trim().toLowerCase();
}
