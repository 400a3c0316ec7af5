import { Help, type Argument, type CommandUnknownOpts, type Option } from '@commander-js/extra-typings';
import { t, type MessageKey } from '../i18n/messages.js';
import { examplesOf } from './help-examples.js';

/**
 * Commander writes its help titles, option notes and errors in English, in code we do
 * not own. Its help is configured here (titles, `(default: …)`, `(choices: …)`), and each
 * of its error messages, which follow fixed patterns, is read back into a catalog
 * message: the pattern gives its values. A message no pattern knows is left as it is.
 */

/** The title of the examples section (src/cli/help-examples.ts), added below Commander's own. */
const EXAMPLES = 'Examples:';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'help.title.inherited',
  'Commands:': 'cli.help.commands',
  [EXAMPLES]: 'help.title.examples',
};

/**
 * The help settings every command of the tree inherits. As gh's pages do, a subcommand's
 * page lists the program's options it inherits (Commander's global options, titled
 * "Inherited options:"; --version is the program's own), and every page ends with its
 * examples.
 */
export const helpInLanguage: Partial<Help> = {
  showGlobalOptions: true,
  visibleGlobalOptions(cmd) {
    // The program's own: `users imports undo` does not take the options of the list it sits under.
    let root = cmd;
    while (root.parent) root = root.parent;
    return Help.prototype.visibleGlobalOptions
      .call(this, cmd)
      .filter((option) => option.attributeName() !== 'version' && root.options.includes(option));
  },
  formatHelp(cmd, helper) {
    return Help.prototype.formatHelp.call(this, cmd, helper) + examplesSection(cmd as CommandUnknownOpts, helper);
  },
  styleTitle: (title: string) => {
    const key = TITLES[title];
    return key ? (t(key as 'cli.help.usage') as string) : title;
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t('cli.help.choices', { choices: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      extra.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
    }
    if (option.envVar !== undefined) extra.push(t('cli.help.env', { name: option.envVar }));
    return withExtra(option.description, extra);
  },
  argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(t('cli.help.choices', { choices: argument.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    if (argument.defaultValue !== undefined) {
      extra.push(t('cli.help.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
    }
    return withExtra(argument.description, extra);
  },
};

/** The words that reach `cmd` from the program: `users list`; '' for the program itself. */
export function commandPath(cmd: CommandUnknownOpts): string {
  const words: string[] = [];
  for (let at: CommandUnknownOpts | null = cmd; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

/**
 * The examples of a command, as gh shows them: what it does as a `#` comment line in the
 * language of the run (wrapped to the page), then the command line as typed.
 */
function examplesSection(cmd: CommandUnknownOpts, helper: Help): string {
  const examples = examplesOf(commandPath(cmd));
  if (examples.length === 0) return '';
  const width = Math.max(40, (helper.helpWidth ?? 80) - 4);
  const lines = examples.flatMap((example, index) => [
    ...(index > 0 ? [''] : []),
    ...helper
      .boxWrap(t(example.say), width)
      .split('\n')
      .map((line) => `  # ${line}`),
    `  $ ${example.run}`,
  ]);
  return `\n${helper.formatItemList(EXAMPLES, lines, helper).join('\n')}`;
}

function withExtra(description: string | undefined, extra: string[]): string {
  if (extra.length === 0) return description ?? '';
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

/** What a Commander error said, in the catalog's terms: for the message and the JSON error object. */
export interface CommanderProblem {
  code: MessageKey;
  values: Record<string, unknown>;
  message: string;
}

type Pattern = [RegExp, (match: RegExpMatchArray) => CommanderProblem];

const problem = <K extends MessageKey>(code: K, values: Record<string, unknown>): CommanderProblem => ({
  code,
  values,
  message: t(code as 'cli.error.unknown_option', values as { flag: string }),
});

const PATTERNS: Pattern[] = [
  [/^missing required argument '(.*)'$/s, (m) => problem('cli.error.missing_argument', { name: m[1] })],
  [/^option '(.*)' argument missing$/s, (m) => problem('cli.error.option_missing_argument', { flags: m[1] })],
  [/^required option '(.*)' not specified$/s, (m) => problem('cli.error.missing_mandatory_option', { flags: m[1] })],
  [/^option '(.*)' cannot be used with option '(.*)'$/s, (m) => problem('cli.error.conflicting_option', { option: m[1], other: m[2] })],
  [/^unknown option '(.*)'$/s, (m) => problem('cli.error.unknown_option', { flag: m[1] })],
  [/^unknown command '(.*)'$/s, (m) => problem('cli.error.unknown_command', { name: m[1] })],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (m) => problem('cli.error.excess_arguments', { command: m[1] ?? '', expected: Number(m[2]), received: Number(m[3]) }),
  ],
  [
    /^option '(.*?)' argument '(.*)' is invalid\.(?: (.*))?$/s,
    (m) => problem('cli.error.invalid_option_value', { flags: m[1], value: m[2], reason: reason(m[3]) }),
  ],
  [
    /^command-argument value '(.*)' is invalid for argument '(.*?)'\.(?: (.*))?$/s,
    (m) => problem('cli.error.invalid_argument_value', { value: m[1], name: m[2], reason: reason(m[3]) }),
  ],
];

/** Commander's "Allowed choices are a, b." (from .choices()); our own parsers' reasons are already in the catalog's words. */
function reason(text: string | undefined): string {
  if (!text) return '';
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  return choices ? t('cli.error.allowed_choices', { choices: choices[1]! }) : text;
}

/**
 * Commander's error message (`error: …`, maybe with `(Did you mean …?)` on the next
 * line) in the catalog's words, or undefined when it follows no known pattern.
 */
export function readCommanderError(text: string): CommanderProblem | undefined {
  const body = text.replace(/^error: /, '').replace(/\n$/, '');
  const [, main = body, suggestions] = /^(.*?)(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(body) ?? [];
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(main);
    if (!match) continue;
    const found = read(match);
    if (suggestions) {
      const list = suggestions.split(', ');
      found.values.suggestions = list;
      found.message += `\n${t('cli.error.did_you_mean', { suggestions: list })}`;
    }
    return found;
  }
  return undefined;
}

/** Commander's error message as shown: `erreur : …` in French. */
export function commanderErrorText(text: string): string {
  const known = readCommanderError(text);
  const message = known ? known.message : text.replace(/^error: /, '').replace(/\n$/, '');
  return `${t('cli.error.prefix')} ${message}\n`;
}
