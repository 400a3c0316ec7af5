import { UsageError } from '../errors.js';
import { quoted, shortList, shortened } from '../text.js';

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

/** What a kind of import reads: its fields, those it cannot do without, and the headers naming each. */
export interface HeaderSpec<Field extends string> {
  fields: readonly Field[];
  required: readonly Field[];
  /** Common French and English names for each field, as the school's spreadsheets spell them. */
  aliases: Record<Field, string[]>;
}

export interface HeaderMapping<Field extends string> {
  /** For each input column, the field it fills, or null when it is ignored. */
  fieldByColumn: Array<Field | null>;
  /** Input headers matching no field (reported, not fatal). */
  unknown: string[];
}

/**
 * Maps the file's header to fields. `overrides` come from `--map 'Header=field'` and win.
 * A required field without a column, or two columns for one field, make the file
 * unusable (exit 2, nothing written).
 */
export function mapHeaders<Field extends string>(
  spec: HeaderSpec<Field>,
  headers: string[],
  overrides: Record<string, string> = {},
): HeaderMapping<Field> {
  const aliasIndex = new Map<string, Field>(
    (Object.entries(spec.aliases) as Array<[Field, string[]]>).flatMap(([field, names]) =>
      [field, ...names].map((name) => [normaliseHeader(name), field] as const),
    ),
  );
  const overrideIndex = new Map<string, Field>();
  for (const [header, field] of Object.entries(overrides)) {
    if (!(spec.fields as readonly string[]).includes(field)) {
      throw new UsageError(`--map ${quoted(`${header}=${field}`)}: ${quoted(field)} is not a field; use one of ${spec.fields.join(', ')}.`);
    }
    overrideIndex.set(normaliseHeader(header), field as Field);
  }
  const fieldByColumn: Array<Field | null> = [];
  const unknown: string[] = [];
  const seen = new Map<Field, string>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    const field = overrideIndex.get(key) ?? aliasIndex.get(key) ?? null;
    if (field === null) {
      if (!(REJECT_COLUMNS as readonly string[]).includes(key) && key !== '') unknown.push(header);
      fieldByColumn.push(null);
      continue;
    }
    const previous = seen.get(field);
    if (previous !== undefined) {
      throw new UsageError(
        `Columns ${quoted(previous)} and ${quoted(header)} both give ${field}; keep one, or say which with --map '${shortened(header)}=<field>'.`,
      );
    }
    seen.set(field, header);
    fieldByColumn.push(field);
  }
  for (const overridden of overrideIndex.keys()) {
    if (!headers.some((h) => normaliseHeader(h) === overridden)) {
      throw new UsageError(`--map names a column ${quoted(overridden)} that the file does not have.`);
    }
  }
  const missing = spec.required.filter((field) => !seen.has(field));
  if (missing.length > 0) {
    throw new UsageError(
      `The file has no column for ${missing.join(' and ')} (its columns: ${shortList(headers) || 'none'}); name one with --map 'Header=${missing[0]}'.`,
    );
  }
  return { fieldByColumn, unknown };
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
