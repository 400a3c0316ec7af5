import type { Column } from '../../cli/output.js';
import { renderRecord } from '../../cli/render.js';
import type { Context } from '../../context.js';
import { formats, t, type LabelKey } from '../../i18n/messages.js';
import type { FieldView, YearView } from '../../services/references.js';

const yesNo = (value: boolean) => t(value ? 'refs.yes' : 'refs.no');

/**
 * The fields: a table on a terminal (`human`) in words (yes/no, counts as the language
 * writes them); CSV and the lines off a terminal with their machine values (true/false, 1234).
 */
export function fieldTable(human: boolean): Column<FieldView>[] {
  return [
    { header: 'nom_domaine', label: 'refs.label.field', value: 'nom_domaine' },
    { header: 'est_actif', label: 'refs.label.active', value: human ? (f) => yesNo(f.est_actif) : 'est_actif' },
    { header: 'aliases', label: 'refs.label.aliases', value: (f) => f.aliases.join(', ') },
    { header: 'utilisateurs', label: 'refs.label.users', value: human ? (f) => formats().integer(f.utilisateurs) : 'utilisateurs' },
  ];
}

export function yearTable(human: boolean): Column<YearView>[] {
  return [
    { header: 'annee', label: 'refs.label.year', value: 'annee' },
    { header: 'est_disponible', label: 'refs.label.available', value: human ? (y) => yesNo(y.est_disponible) : 'est_disponible' },
    { header: 'utilisateurs', label: 'refs.label.users', value: human ? (y) => formats().integer(y.utilisateurs) : 'utilisateurs' },
  ];
}

const LABELS: Record<string, LabelKey> = {
  nom_domaine: 'refs.label.field',
  est_actif: 'refs.label.active',
  aliases: 'refs.label.aliases',
  utilisateurs: 'refs.label.users',
  annee: 'refs.label.year',
  est_disponible: 'refs.label.available',
};

/** What every refs change prints: the record as it now stands, and one sentence on stderr. */
export function renderChange(ctx: Context, record: FieldView | YearView, sentence: string): void {
  const fields = Object.entries(record).map(([key, value]): [string, unknown] => [
    LABELS[key] ? t(LABELS[key]) : key,
    Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'boolean'
        ? yesNo(value)
        : typeof value === 'number' && key !== 'annee'
          ? formats().integer(value)
          : value,
  ]);
  renderRecord(ctx, record, fields, { success: sentence });
}
