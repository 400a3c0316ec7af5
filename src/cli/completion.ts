import type { Argument, CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { AlumniError } from '../errors.js';
import type { NamedKind } from '../services/names.js';
import type { Io } from './io.js';
import { visible } from './visible.js';

/**
 * Shell completion read from the command tree (src/program.ts), as cobra's `__complete`
 * does for gh: the shell scripts (src/cli/completion-scripts.ts) send the words typed so
 * far, the last one being the word under completion, and print what comes back. A new
 * command, option or fixed value completes as soon as it is declared.
 *
 * The values of an option or argument come from the tree too: Commander's `.choices()`,
 * or the list its parser names when it refuses a value (src/cli/options.ts enumValue:
 * a refused word of a fixed list names the accepted ones, and completion offers them).
 * Names of groups and organisations are looked up in the database by the caller
 * (src/cli/completion-names.ts); file names are left to the shell.
 */

/** A word to offer, with what it does (zsh and fish show it; bash does not). */
export interface Candidate {
  value: string;
  description?: string;
}

/** What the database is asked for: the names of groups or organisations starting with `prefix`. */
export type NameKind = NamedKind;

export interface Completion {
  candidates: Candidate[];
  /** Names to look up in the database, to be added to the candidates. */
  names?: { kind: NameKind; prefix: string };
  /** The word is a file name: the shell completes it. */
  files?: boolean;
  /** Prepended to every value (`--statut=` when completing `--statut=act`). */
  valuePrefix?: string;
}

/** Arguments and option values that name a group or an organisation: by their placeholder, `<group>`, `<org>`. */
const NAME_PLACEHOLDERS: Record<string, NameKind> = { group: 'group', org: 'organisation' };
/** Arguments named otherwise that are organisations too: `orgs merge <keep> <drop>`. */
const NAME_ARGUMENTS: Record<string, Record<string, NameKind>> = { 'orgs merge': { keep: 'organisation', drop: 'organisation' } };
/** Placeholders of a file the command reads or writes: the shell completes those. */
const FILE_PLACEHOLDERS = new Set(['file', 'path']);
/** A value no parser accepts, given to a parser to read the accepted values off its refusal. */
const PROBE = '\u0000';

type AnyCommand = CommandUnknownOpts;

/**
 * The completion of `words` (the command line after `alumni`, the last word being the
 * one under the cursor, possibly empty) on the tree `root`.
 */
export function complete(root: AnyCommand, words: readonly string[]): Completion {
  const typed = words.slice(0, -1);
  const current = words.at(-1) ?? '';
  let command = root;
  let positionals = 0;
  let awaiting: Option | undefined;
  let afterDashes = false;
  for (const word of typed) {
    if (awaiting) {
      awaiting = undefined;
      continue;
    }
    if (!afterDashes && word === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && word.startsWith('-') && word !== '-') {
      if (word.startsWith('--') && word.includes('=')) continue;
      const option = findOption(command, word);
      if (option && (option.required || option.optional)) awaiting = option;
      continue;
    }
    const sub = positionals === 0 ? findCommand(command, word) : undefined;
    if (sub) {
      command = sub;
      continue;
    }
    positionals += 1;
  }

  if (awaiting) return optionValues(command, awaiting, current);
  if (!afterDashes && current.startsWith('--') && current.includes('=')) {
    const at = current.indexOf('=');
    const option = findOption(command, current.slice(0, at));
    if (!option || !(option.required || option.optional)) return { candidates: [] };
    return { ...optionValues(command, option, current.slice(at + 1)), valuePrefix: current.slice(0, at + 1) };
  }
  if (!afterDashes && current.startsWith('-')) return { candidates: startingWith(optionCandidates(command), current) };
  const subcommands = command.createHelp().visibleCommands(command);
  if (subcommands.length > 0 && positionals === 0) {
    const candidates = subcommands.map((sub) => ({ value: sub.name(), description: summary(sub.description()) }));
    return { candidates: startingWith(candidates, current) };
  }
  const argument = argumentAt(command, positionals);
  return argument ? argumentValues(command, argument, current) : { candidates: [] };
}

/** The option `word` names (`--statut`, `-y`) on `command` or, for the global options, an ancestor. */
function findOption(command: AnyCommand, word: string): Option | undefined {
  for (let at: AnyCommand | null = command; at; at = at.parent) {
    const option = at
      .createHelp()
      .visibleOptions(at)
      .find((o) => o.long === word || o.short === word);
    if (option) return option;
  }
  return undefined;
}

function findCommand(command: AnyCommand, word: string): AnyCommand | undefined {
  return command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word)) as AnyCommand | undefined;
}

/** The command's options, then those of its ancestors (the global options) but their --help and --version. */
function optionCandidates(command: AnyCommand): Candidate[] {
  const own = command.createHelp().visibleOptions(command);
  const inherited: Option[] = [];
  for (let at = command.parent; at; at = at.parent) {
    const help = at.createHelp();
    inherited.push(...help.visibleOptions(at).filter((o) => o.long !== '--help' && o.long !== '--version'));
  }
  return [...own, ...inherited].flatMap((option) => {
    const description = summary(option.description);
    return [option.long, option.short].filter((flag): flag is string => Boolean(flag)).map((value) => ({ value, description }));
  });
}

/** The argument a positional word at `index` fills: the last one takes them all when variadic. */
function argumentAt(command: AnyCommand, index: number): Argument | undefined {
  const declared = command.registeredArguments;
  const last = declared.at(-1);
  return declared[index] ?? (last?.variadic ? last : undefined);
}

function optionValues(command: AnyCommand, option: Option, current: string): Completion {
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  return values(placeholder, NAME_PLACEHOLDERS[placeholder], option.argChoices, option.parseArg, current);
}

function argumentValues(command: AnyCommand, argument: Argument, current: string): Completion {
  const name = argument.name();
  const kind = NAME_ARGUMENTS[commandPath(command)]?.[name] ?? NAME_PLACEHOLDERS[name];
  return values(name, kind, argument.argChoices, argument.parseArg, current);
}

/**
 * What a value may be: a name from the database, a file, a fixed value (its choices, or
 * those its parser names when refusing one), or the alternatives its placeholder shows
 * that its parser accepts (`<oui|non>`, `none` of `<n|none>`).
 */
function values(
  placeholder: string,
  kind: NameKind | undefined,
  choices: readonly string[] | undefined,
  parse: ((value: string, previous: never) => unknown) | undefined,
  current: string,
): Completion {
  if (kind) return { candidates: [], names: { kind, prefix: current } };
  if (FILE_PLACEHOLDERS.has(placeholder)) return { candidates: [], files: true };
  const fixed = choices ?? (parse && (refusedWith(parse) ?? acceptedAlternatives(placeholder, parse)));
  return {
    candidates: startingWith(
      (fixed ?? []).map((value) => ({ value })),
      current,
    ),
  };
}

/** The accepted values a parser names when it refuses one: the first list of words in its error's values. */
function refusedWith(parse: (value: string, previous: never) => unknown): string[] | undefined {
  try {
    parse(PROBE, undefined as never);
  } catch (error) {
    if (!(error instanceof AlumniError) || typeof error.values !== 'object' || error.values === null) return undefined;
    const list = Object.values(error.values).find(
      (value) => Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'),
    );
    return list as string[] | undefined;
  }
  return undefined;
}

function acceptedAlternatives(placeholder: string, parse: (value: string, previous: never) => unknown): string[] | undefined {
  const words = placeholder.split('|');
  if (words.length < 2) return undefined;
  const accepted = words.filter((word) => {
    try {
      parse(word, undefined as never);
      return true;
    } catch {
      return false;
    }
  });
  return accepted.length > 0 ? accepted : undefined;
}

/** Candidates beginning with what is typed, ignoring case (`act` → `active`). */
function startingWith(candidates: Candidate[], typed: string): Candidate[] {
  const start = typed.toLowerCase();
  return candidates.filter((candidate) => candidate.value.toLowerCase().startsWith(start));
}

/** "groups members add" for that command. */
export function commandPath(command: AnyCommand): string {
  const words: string[] = [];
  for (let at: AnyCommand | null = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

/** A description's first line, for a shell's menu. */
function summary(description: string | undefined): string | undefined {
  const line = description?.split('\n')[0]?.trim();
  return line ? line : undefined;
}

/**
 * What `alumni __complete` prints: one candidate a line, `value<TAB>description`, then
 * one last line for the shell, `:files` (complete file names) or `:nofiles`. A candidate
 * holding a control character (a name with a line break) is left out: the shell could
 * not insert it, and it would break the lines.
 */
export function writeCompletion(io: Io, completion: Completion, names: readonly string[] = []): void {
  const prefix = completion.valuePrefix ?? '';
  const lines: string[] = [];
  for (const candidate of [...completion.candidates, ...names.map((value) => ({ value }) as Candidate)]) {
    if (visible(candidate.value) !== candidate.value) continue;
    const value = prefix + candidate.value;
    lines.push(candidate.description ? `${value}\t${visible(candidate.description)}` : value);
  }
  lines.push(completion.files ? ':files' : ':nofiles');
  io.stdout.write(`${lines.join('\n')}\n`);
}
