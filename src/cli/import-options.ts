import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { dryRunOption, enumOption, wholeNumber } from './options.js';
import { problem, UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { shortened } from '../text.js';
import { delimiterNamed, delimiterRefusal, encodingNamed, encodingRefusal } from '../import/dialect.js';

const IMPORT_MODES = ['upsert', 'insert', 'update'] as const;

/** --map 'Header=field', repeatable: the pairs so far and this one. */
function mapPair(pair: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = pair.lastIndexOf('=');
  if (at <= 0) throw new UsageError(problem('import.option.map_pair', { value: shortened(pair) }));
  return { ...previous, [pair.slice(0, at).trim()]: pair.slice(at + 1).trim() };
}

/** --ignore-column Header, repeatable: the headers so far and this one. */
function ignoredColumn(header: string, previous: string[] = []): string[] {
  return [...previous, header];
}

/** --encoding: refused when empty or unknown, rather than left to detection. */
function encodingValue(name: string): string {
  if (encodingNamed(name) === undefined) throw new UsageError(encodingRefusal(name));
  return name;
}

/** --delimiter: refused when empty or not one of those the reader knows. */
function delimiterValue(value: string): string {
  if (delimiterNamed(value) === undefined) throw new UsageError(delimiterRefusal(value));
  return value;
}

/**
 * How a stored row is recognised, in the language of the help (the commands give it in
 * English words); a `known` not listed is shown as given.
 */
function knownBy(known: string): string {
  if (known === 'by matricule') return t('import.help.known_by_matricule');
  if (known === 'by --match') return t('import.help.known_by_match');
  return known;
}

/**
 * What every import takes (`users import`, `orgs import`): the file (CSV or an Excel
 * workbook), the mode, the dry run, the change check (--max-changes), reading (encoding, delimiter, sheet, --map,
 * --ignore-column), the rejects file and the batch size. `known` names what a stored row
 * is recognised by, for the help of --mode; `fields` are those --map accepts, listed in
 * the help.
 */
export function withImportOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
  known: string,
  fields: readonly string[],
) {
  return command
    .argument('<file>', t('import.help.file'))
    .addOption(enumOption('--mode <mode>', t('import.help.mode', { known: knownBy(known) }), IMPORT_MODES).default('upsert'))
    .addOption(dryRunOption(t('import.help.dry_run')))
    .addOption(new Option('--all-or-nothing', t('import.help.all_or_nothing')))
    .addOption(
      new Option('--max-changes <percent>', t('import.help.max_changes')).argParser((text: string) =>
        wholeNumber('--max-changes', text, 0, 100),
      ),
    )
    .addOption(new Option('--encoding <name>', t('import.help.encoding')).argParser(encodingValue))
    .addOption(new Option('--delimiter <char>', t('import.help.delimiter')).argParser(delimiterValue))
    .addOption(new Option('--sheet <name>', t('import.help.sheet')))
    .addOption(new Option('--map <Header=field>', t('import.help.map', { fields: [...fields] })).argParser(mapPair))
    .addOption(new Option('--ignore-column <Header>', t('import.help.ignore_column')).argParser(ignoredColumn))
    .addOption(new Option('--rejects <path>', t('import.help.rejects')))
    .addOption(
      new Option('--batch-size <rows>', t('import.help.batch_size'))
        .default(5000)
        .argParser((text: string) => wholeNumber('--batch-size', text, 1, 1_000_000)),
    );
}
