import ts from 'typescript';
import { en, enAreas } from '../../src/i18n/en/index.js';
import { fr, frAreas } from '../../src/i18n/fr/index.js';
import type { Language } from '../../src/i18n/language.js';

/**
 * The words of the catalogs as plain text, for the checks that look for one language's
 * sentences in the other's output (test/e2e/language-sweep.test.ts) and for the catalog
 * rules (test/unit/catalogs.test.ts). A plain-string message is its text; a function
 * message is the literal parts of its source (string literals and the fixed parts of
 * its template literals), read with the TypeScript parser.
 */
export const CATALOGS = { en, fr } as const;
export const AREAS = { en: enAreas, fr: frAreas } as const;

type Message = string | ((params: never) => string);

/** The literal parts of a function message, as written (`'too many arguments'`, `' for '`...). */
export function literalParts(message: Message): string[] {
  if (typeof message === 'string') return [message];
  const source = ts.createSourceFile('message.ts', `(${message.toString()})`, ts.ScriptTarget.Latest, true);
  const parts: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // A string compared with or indexing a value is no text: `p.kind === 'one'`, `p['x']`.
      const parent = node.parent;
      const compared =
        parent &&
        ((ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.PlusToken) ||
          ts.isElementAccessExpression(parent) ||
          ts.isCaseClause(parent));
      if (!compared) parts.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts;
}

const LETTER = /\p{L}/u;

/**
 * A literal part worth looking for in output: trimmed of spaces and the punctuation
 * around it, with at least six letters (four for a whole plain-string message, such as a
 * title `Usage:`) and one word of four; shorter parts (`s`, `' for '`, `: `) would be
 * found in any text.
 */
export function searchable(part: string, whole = false): string | undefined {
  const text = part
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .trim();
  const letters = [...text].filter((c) => LETTER.test(c)).length;
  if (letters < (whole ? 4 : 6) || !/\p{L}{4,}/u.test(text)) return undefined;
  return text;
}

/** A catalog entry's key and the searchable texts of its message. */
export interface CatalogText {
  key: string;
  text: string;
}

/**
 * Every searchable text of `language`'s catalog that the other catalog does not also
 * use somewhere (a word both languages share, `PostgreSQL`, `CSV`, cannot tell them apart).
 */
export function distinctiveTexts(language: Language): CatalogText[] {
  const other = language === 'en' ? 'fr' : 'en';
  const otherTexts = new Set<string>();
  for (const message of Object.values(CATALOGS[other]) as Message[]) {
    for (const part of literalParts(message)) {
      const text = searchable(part, typeof message === 'string');
      if (text) otherTexts.add(text);
    }
  }
  const otherJoined = [...otherTexts].join('\n');
  const texts: CatalogText[] = [];
  const seen = new Set<string>();
  for (const [key, message] of Object.entries(CATALOGS[language]) as [string, Message][]) {
    for (const part of literalParts(message)) {
      const text = searchable(part, typeof message === 'string');
      if (!text || seen.has(text) || otherJoined.includes(text)) continue;
      seen.add(text);
      texts.push({ key, text });
    }
  }
  return texts;
}
