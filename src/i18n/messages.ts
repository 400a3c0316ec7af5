import { en } from './en/index.js';
import { fr } from './fr/index.js';
import { formatsFor, type Formats } from './format.js';
import type { Language, LanguageChoice } from './language.js';

/**
 * The two catalogs and the language of this run. Every sentence a person reads comes
 * from here; the compiler refuses a key missing from either catalog or a wrong parameter
 * (fr/<area>.ts is typed by en/<area>.ts). The language is chosen once, at start-up
 * (src/main.ts), before the command tree is built: help pages are written in it.
 */
export type Catalog = typeof en;
export type MessageKey = keyof Catalog;
/** The parameters of a message: none for a plain string, else its function's argument. */
export type MessageArgs<K extends MessageKey> = Catalog[K] extends (params: infer P) => string ? [params: P] : [];
/** The keys of messages without parameters (table headers, labels). */
export type LabelKey = { [K in MessageKey]: Catalog[K] extends string ? K : never }[MessageKey];

const CATALOGS: Record<Language, Catalog> = { en, fr };

let choice: LanguageChoice = { language: 'en', source: 'default' };

export function setLanguage(chosen: LanguageChoice): void {
  choice = chosen;
}

/** The language of this run and why (doctor says so). */
export function languageChoice(): LanguageChoice {
  return choice;
}

export function currentLanguage(): Language {
  return choice.language;
}

/** Numbers, money and dates in the language of this run. */
export function formats(): Formats {
  return formatsFor(choice.language);
}

/** The message `key` in the language of this run. */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  return renderIn(choice.language, key, args[0]);
}

/** A message whose key is only known at run time (an error's code): its values as given. */
export function renderIn(language: Language, key: MessageKey, values?: unknown): string {
  const message = CATALOGS[language][key] as string | ((params: unknown) => string);
  return typeof message === 'function' ? message(values) : message;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
