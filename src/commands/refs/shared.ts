import type { Column } from '../../cli/output.js';
import { renderRecord } from '../../cli/render.js';
import type { Context } from '../../context.js';
import type { FieldView, YearView } from '../../services/references.js';

export const FIELD_TABLE: Column<FieldView>[] = [
  { header: 'nom_domaine', value: 'nom_domaine' },
  { header: 'est_actif', value: 'est_actif' },
  { header: 'aliases', value: (f) => f.aliases.join(', ') },
  { header: 'utilisateurs', value: 'utilisateurs' },
];

export const YEAR_TABLE: Column<YearView>[] = [
  { header: 'annee', value: 'annee' },
  { header: 'est_disponible', value: 'est_disponible' },
  { header: 'utilisateurs', value: 'utilisateurs' },
];

/** What every refs change prints: the record as it now stands, and one sentence on stderr. */
export function renderChange(ctx: Context, record: FieldView | YearView, sentence: string): void {
  const fields = Object.entries(record).map(([label, value]): [string, unknown] => [
    label,
    Array.isArray(value) ? value.join(', ') : value,
  ]);
  renderRecord(ctx, record, fields);
  if (!ctx.out.json) ctx.out.success(sentence);
}
