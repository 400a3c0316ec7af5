import { problem, UsageError } from '../errors.js';
import { shortened, SHOWN_ITEMS } from '../text.js';

/** Columns a rejects file adds; re-importing that file ignores them. */
export const REJECT_COLUMNS = ['line', 'reason'] as const;

/** Lower-case, no accents, no spaces or punctuation: "Année de sortie" → "anneedesortie". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A field a file may give whole or in parts: nom_complet, or prenom and nom joined. The
 * headers in `wholeWhenAlone` name a part beside the other parts and the whole without
 * them: a lone `Nom` column is the full name, `Nom` beside `Prénom` the family name.
 */
export interface CompositeField<Field extends string> {
  whole: Field;
  parts: readonly Field[];
  wholeWhenAlone: readonly string[];
}

/** What a kind of import reads: its fields, those it cannot do without, and the headers naming each. */
export interface HeaderSpec<Field extends string> {
  fields: readonly Field[];
  required: readonly Field[];
  /** Common French and English names for each field, as the school's spreadsheets spell them. */
  aliases: Record<Field, string[]>;
  composite?: CompositeField<Field>;
}

export interface HeaderMapping<Field extends string> {
  /** For each input column, the field it fills, or null when it is ignored. */
  fieldByColumn: Array<Field | null>;
  /** Input headers matching no field (reported, not fatal). */
  unknown: string[];
}

/** How the file's columns are to be read: `--map 'Header=field'` (wins over aliases) and `--ignore-column Header`. */
export interface HeaderChoices {
  map?: Record<string, string>;
  ignore?: readonly string[];
}

/** A column that looks like a field but would not be read: data that would be lost without a word. */
interface UnreadColumn<Field extends string> {
  header: string;
  field: Field;
  /** The column that gives the field instead, if any. */
  takenBy?: string;
}

/**
 * Maps the file's header to fields. A required field without a column, or a column that
 * looks like a field but would not be read (a second column for a field, a name part
 * beside the full name, a header one typing slip away from an alias), make the file unusable
 * (exit 2, nothing written): the user says what to do with --map or --ignore-column.
 * Columns that look like nothing known are only reported.
 */
export function mapHeaders<Field extends string>(
  spec: HeaderSpec<Field>,
  headers: string[],
  choices: HeaderChoices = {},
): HeaderMapping<Field> {
  const aliasIndex = new Map<string, Field>(
    (Object.entries(spec.aliases) as Array<[Field, string[]]>).flatMap(([field, names]) =>
      [field, ...names].map((name) => [normaliseHeader(name), field] as const),
    ),
  );
  const overrideIndex = new Map<string, Field>();
  for (const [header, field] of Object.entries(choices.map ?? {})) {
    if (!(spec.fields as readonly string[]).includes(field)) {
      throw new UsageError(
        problem('import.headers.map_not_a_field', {
          pair: shortened(`${header}=${field}`),
          name: shortened(field),
          fields: [...spec.fields],
        }),
      );
    }
    overrideIndex.set(normaliseHeader(header), field as Field);
  }
  const ignored = new Set((choices.ignore ?? []).map(normaliseHeader));
  const named = (given: readonly string[], choice: 'map' | 'ignore') => {
    for (const header of given) {
      const key = normaliseHeader(header);
      if (!headers.some((h) => normaliseHeader(h) === key))
        throw new UsageError(problem('import.headers.no_such_column', { choice, header: shortened(header) }));
      if (choice === 'ignore' && overrideIndex.has(key))
        throw new UsageError(problem('import.headers.mapped_and_ignored', { header: shortened(header) }));
    }
  };
  named(Object.keys(choices.map ?? {}), 'map');
  named(choices.ignore ?? [], 'ignore');

  const fieldByColumn: Array<Field | null> = [];
  const unknown: string[] = [];
  const unread: Array<UnreadColumn<Field>> = [];
  const columnOf = new Map<Field, number>();
  headers.forEach((header, column) => {
    fieldByColumn.push(null);
    const key = normaliseHeader(header);
    if (ignored.has(key) || key === '' || (REJECT_COLUMNS as readonly string[]).includes(key)) return;
    const field = overrideIndex.get(key) ?? aliasIndex.get(key);
    if (field === undefined) {
      const near = nearAlias(key, aliasIndex);
      if (near === undefined) unknown.push(header);
      else unread.push({ header, field: near });
      return;
    }
    const previous = columnOf.get(field);
    if (previous !== undefined) {
      unread.push({ header, field, takenBy: headers[previous] });
      return;
    }
    columnOf.set(field, column);
    fieldByColumn[column] = field;
  });
  if (spec.composite) readComposite(spec.composite, headers, overrideIndex, columnOf, fieldByColumn, unread);

  if (unread.length > 0) throw unreadColumns(spec, unread);
  const missing = missingFields(spec, columnOf);
  if (missing.length > 0) {
    const shown = headers.slice(0, SHOWN_ITEMS).map((h) => shortened(h));
    throw new UsageError(
      problem('import.headers.missing', { fields: missing, columns: shown, columnsMore: headers.length - shown.length }),
    );
  }
  return { fieldByColumn, unknown };
}

/**
 * The whole or its parts, never both: parts beside the whole would not be read. A lone
 * part whose header also names the whole (`Nom`) is the whole, unless --map said otherwise.
 */
function readComposite<Field extends string>(
  composite: CompositeField<Field>,
  headers: string[],
  overrideIndex: Map<string, Field>,
  columnOf: Map<Field, number>,
  fieldByColumn: Array<Field | null>,
  unread: Array<UnreadColumn<Field>>,
): void {
  const partColumns = composite.parts.flatMap((part) => {
    const column = columnOf.get(part);
    return column === undefined ? [] : [{ part, column }];
  });
  const wholeColumn = columnOf.get(composite.whole);
  if (wholeColumn !== undefined) {
    for (const { part, column } of partColumns) {
      unread.push({ header: headers[column]!, field: part, takenBy: headers[wholeColumn] });
      columnOf.delete(part);
      fieldByColumn[column] = null;
    }
    return;
  }
  const lone = partColumns.length === 1 ? partColumns[0]! : undefined;
  if (!lone) return;
  const key = normaliseHeader(headers[lone.column]!);
  if (overrideIndex.has(key) || !composite.wholeWhenAlone.some((name) => normaliseHeader(name) === key)) return;
  columnOf.delete(lone.part);
  columnOf.set(composite.whole, lone.column);
  fieldByColumn[lone.column] = composite.whole;
}

/** Required fields without a column; a composite whole given in parts needs all of them. */
function missingFields<Field extends string>(spec: HeaderSpec<Field>, columnOf: Map<Field, number>): Field[] {
  return spec.required.flatMap((field) => {
    if (columnOf.has(field)) return [];
    const composite = spec.composite?.whole === field ? spec.composite : undefined;
    const parts = composite?.parts.filter((part) => columnOf.has(part)) ?? [];
    if (composite && parts.length > 0) return composite.parts.filter((part) => !columnOf.has(part));
    return [field];
  });
}

function unreadColumns<Field extends string>(spec: HeaderSpec<Field>, unread: Array<UnreadColumn<Field>>): UsageError {
  const columns = unread.slice(0, SHOWN_ITEMS).map(({ header, field, takenBy }) => ({
    header: shortened(header),
    columnField: field as string,
    takenBy: takenBy === undefined ? null : shortened(takenBy),
  }));
  // The way out spelled for the first column, ready to paste: a second column for a field
  // taken already can only be read as another field.
  const first = unread[0]!;
  const header = shortened(first.header);
  const field = first.takenBy === undefined ? first.field : '<field>';
  return new UsageError(
    problem('import.headers.unread_columns', {
      columns,
      more: unread.length - columns.length,
      mapValue: shellQuoted(`${header}=${field}`),
      ignoreValue: shellQuoted(header),
      fields: [...spec.fields],
    }),
  );
}

/** A value pasted into a shell command as one word. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Aliases this short are not compared for typing slips: `Mai`, `Ville`, `Tels`... would be false alarms. */
const FUZZY_MIN_LENGTH = 5;

/** The field of an alias one typing slip (a letter added, left out, replaced or two swapped) from `key`, if any. */
function nearAlias<Field extends string>(key: string, aliasIndex: Map<string, Field>): Field | undefined {
  if (key.length < FUZZY_MIN_LENGTH - 1) return undefined;
  for (const [alias, field] of aliasIndex) {
    if (alias.length >= FUZZY_MIN_LENGTH && oneSlipApart(key, alias)) return field;
  }
  return undefined;
}

/** Whether `a` and `b` differ by exactly one slip; linear, so a header of 500 kB costs nothing. */
export function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (short.length < long.length) return short.slice(i) === long.slice(i + 1);
  const swapped = short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
  return swapped || short.slice(i + 1) === long.slice(i + 1);
}

/** Reads the cells of a record by field, once the header is mapped. */
export class FieldCells<Field extends string> {
  private readonly columnOf: Partial<Record<Field, number>> = {};

  constructor(mapping: HeaderMapping<Field>) {
    mapping.fieldByColumn.forEach((field, column) => {
      if (field) this.columnOf[field] = column;
    });
  }

  has(field: Field): boolean {
    return this.columnOf[field] !== undefined;
  }

  of(cells: string[], field: Field): string | undefined {
    const column = this.columnOf[field];
    return column === undefined ? undefined : cells[column];
  }
}
