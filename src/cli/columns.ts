import { Option } from '@commander-js/extra-typings';
import { UsageError, problem } from '../errors.js';
import { t } from '../i18n/messages.js';
import type { Column } from './output.js';

/** `--columns a,b,c` of a list command: which columns its table shows, by their CSV names. */
export function columnsOption() {
  return new Option('--columns <names>', t('view.option.columns')).argParser((text: string) =>
    text
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/**
 * The columns a person sees: those named by --columns, in its order (`all`: every one),
 * else the list's default ones (every column not marked `hidden`). Columns are named by
 * their CSV header, which never changes with the language. An unknown name: exit 2,
 * naming the ones there are.
 */
export function chooseColumns<Row>(columns: Column<Row>[], names: string[] | undefined): Column<Row>[] {
  if (!names || names.length === 0) return columns.filter((column) => !column.hidden);
  if (names.length === 1 && names[0] === 'all') return columns;
  const unknown = names.filter((name) => !columns.some((column) => column.header === name));
  if (unknown.length > 0) {
    throw new UsageError(problem('view.columns_unknown', { unknown, available: columns.map((column) => column.header) }));
  }
  return names.map((name) => columns.find((column) => column.header === name)!);
}
