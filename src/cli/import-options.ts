import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { dryRunOption, enumOption, wholeNumber } from './options.js';
import { UsageError } from '../errors.js';
import { delimiterNamed, delimiterRefusal, encodingNamed, encodingRefusal } from '../import/dialect.js';

const IMPORT_MODES = ['upsert', 'insert', 'update'] as const;

/** --map 'Header=field', repeatable: the pairs so far and this one. */
function mapPair(pair: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = pair.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`--map "${pair}": write it as 'Header=field'.`);
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
 * What every import takes (`users import`, `orgs import`): the file (CSV or an Excel
 * workbook), the mode, the dry run, reading (encoding, delimiter, sheet, --map,
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
    .argument('<file>', 'the CSV file or Excel workbook (.xlsx), or - for standard input')
    .addOption(
      enumOption(
        '--mode <mode>',
        `upsert inserts new rows and updates known ones (${known}), insert skips known ones, update rejects unknown ones; one of`,
        IMPORT_MODES,
      ).default('upsert'),
    )
    .addOption(dryRunOption('check everything, database included, and report; write nothing'))
    .addOption(new Option('--all-or-nothing', 'write nothing unless every row is valid'))
    .addOption(new Option('--encoding <name>', 'utf-8 or windows-1252 (default: detected)').argParser(encodingValue))
    .addOption(new Option('--delimiter <char>', ', ; or tab (default: detected)').argParser(delimiterValue))
    .addOption(new Option('--sheet <name>', 'the sheet of an Excel workbook to read (default: the first)'))
    .addOption(
      new Option('--map <Header=field>', `read column Header as field (repeatable); fields: ${fields.join(', ')}`).argParser(mapPair),
    )
    .addOption(
      new Option('--ignore-column <Header>', 'leave column Header out, even if it looks like a field (repeatable)').argParser(
        ignoredColumn,
      ),
    )
    .addOption(new Option('--rejects <path>', 'where rejected rows go (default: <file name>.rejects.csv here)'))
    .addOption(
      new Option('--batch-size <rows>', 'rows per transaction')
        .default(5000)
        .argParser((text: string) => wholeNumber('--batch-size', text, 1, 1_000_000)),
    );
}
