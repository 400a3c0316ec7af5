import { formatsFor } from '../format.js';

/** English messages of the undo area (keys start with "undo."): `users imports undo`, `orgs imports undo`. */

// Looked up when a message is made, not when the catalog loads: the time zone (TZ) may be set after.
const f = () => formatsFor('en');
const n = (value: number) => f().integer(value);
const what = (kind: 'users' | 'orgs') => (kind === 'users' ? 'roster' : 'partner list');

export default {
  // ---- help ----
  'undo.help.users': 'undo a roster import: remove the people it added, give back the values it changed',
  'undo.help.orgs': 'undo a partner-list import: remove the organisations it added, give back the values it changed',
  'undo.help.import':
    'the import: its id in the ledger (`alumni users imports --columns started_at,file,id`; a unique prefix is enough), or `last` for the newest',
  'undo.help.dry_run': 'do it all and roll back: the report is the real one, nothing is changed',
  'undo.help.deactivate_kept': 'deactivate the accounts the import added that are kept because they were used since',

  // ---- refusals ----
  'undo.no_import': (p: { kind: 'users' | 'orgs'; ref: string }) =>
    p.ref.trim().toLowerCase() === 'last'
      ? `No ${what(p.kind)} import yet: alumni ${p.kind} imports lists none.`
      : `No ${what(p.kind)} import has an id starting with "${p.ref}": see alumni ${p.kind} imports --columns started_at,file,id.`,
  'undo.ambiguous_import': (p: { ref: string; ids: string[] }) =>
    `"${p.ref}" is the start of several imports' ids (${p.ids.join(', ')}): give more of it.`,
  'undo.already_undone': (p: { id: string; at: Date; by: string | null }) =>
    `The import ${p.id} was undone already (${f().dateTime(p.at)}${p.by ? `, by ${p.by}` : ''}): nothing was changed.`,
  'undo.nothing_written': (p: { id: string }) => `The import ${p.id} was rolled back and wrote nothing: there is nothing to undo.`,
  'undo.audit_incomplete': (p: { id: string; missing: number; expected: number }) =>
    `The audit log no longer holds ${n(p.missing)} of the ${n(p.expected)} changes the import ${p.id} made (pruned since): it cannot be undone exactly, and nothing was changed.`,
  'undo.import_running': (p: { kind: 'users' | 'orgs'; waitMs: number }) =>
    `A ${what(p.kind)} import is running, and an undo waits for it at most ${n(p.waitMs)} ms (ALUMNI_LOCK_WAIT_MS): try again once it has finished.`,

  // ---- the plan and the report ----
  'undo.label.import': 'Import',
  'undo.label.started': 'Run',
  'undo.label.removed': 'Removed (added by the import)',
  'undo.label.restored': 'Restored (updated by the import)',
  'undo.label.kept': 'Kept (added, used since)',
  'undo.label.kept_changes': 'Kept (changed since)',
  'undo.label.erased': 'Erased since (left alone)',
  'undo.label.gone': 'Deleted since',
  'undo.label.deactivated': 'Kept and deactivated',
  'undo.label.references_removed': 'References removed',
  'undo.value.import': (p: { id: string; file: string }) => `${p.id} (${p.file})`,
  'undo.value.restored': (p: { rows: number; fields: number }) => `${n(p.rows)} (${n(p.fields)} ${p.fields === 1 ? 'field' : 'fields'})`,
  'undo.value.fields': (p: { count: number }) => `${n(p.count)} ${p.count === 1 ? 'field' : 'fields'}`,
  'undo.value.references': (p: { fields: string[]; years: number[] }) => [...p.fields, ...p.years.map(String)].join(', '),
  'undo.kept_row': (p: { key: string; reasons: string[] }) => `Kept ${p.key}: ${f().list(p.reasons)}.`,
  'undo.kept_field': (p: { key: string; field: string }) => `Kept ${p.key}'s ${p.field}: changed since the import.`,
  'undo.more': (p: { count: number }) => `… and ${n(p.count)} more (--json lists them all).`,
  'undo.reason.edited': 'edited since',
  'undo.reason.logged_in': 'has logged in',
  'undo.reason.acted': 'has acted on the platform',
  'undo.reason.used': (p: { table: string }) => {
    const uses: Record<string, string> = {
      membre_groupe: 'is in a group',
      groupe: 'has groups',
      message: 'has messages',
      stage: 'has offers',
      formation: 'has offers',
      emploi: 'has offers',
      contact_organisation: 'has organisation contacts',
      validation_formation: 'has moderation decisions',
      validation_groupe: 'has moderation decisions',
      validation_organisation: 'has moderation decisions',
      organisation: 'has organisations pointing to it',
    };
    return uses[p.table] ?? `is used in ${p.table}`;
  },
  'undo.question': (p: { id: string; file: string; removed: number; restored: number }) =>
    `Undo the import ${p.id} (${p.file}): remove ${n(p.removed)}, restore ${n(p.restored)}?`,
  'undo.dry_run': 'Dry run: nothing was changed.',
  'undo.done': (p: { id: string }) => `Import ${p.id} undone; a new import of the same file now runs as for a new file.`,
} satisfies Record<`undo.${string}`, string | ((params: never) => string)>;
