import type en from '../en/undo.js';
import { formatsFor } from '../format.js';

/** Les messages français du domaine undo : mêmes clés et mêmes paramètres que en/undo.ts. */

// Looked up when a message is made, not when the catalog loads: the time zone (TZ) may be set after.
const f = () => formatsFor('fr');
const n = (value: number) => f().integer(value);
const what = (kind: 'users' | 'orgs') => (kind === 'users' ? 'de liste de diplômés' : 'de liste de partenaires');

const fr: typeof en = {
  // ---- aide ----
  'undo.help.users': "annuler un import de liste de diplômés : retirer les personnes qu'il a ajoutées, rendre les valeurs qu'il a changées",
  'undo.help.orgs':
    "annuler un import de liste de partenaires : retirer les organisations qu'il a ajoutées, rendre les valeurs qu'il a changées",
  'undo.help.import':
    "l'import : son identifiant dans le registre (`alumni users imports --columns started_at,file,id` ; un début qui n'appartient qu'à lui suffit), ou `last` pour le plus récent",
  'undo.help.dry_run': 'tout faire puis tout annuler : le compte rendu est le vrai, rien ne change',
  'undo.help.deactivate_kept': "désactiver les comptes ajoutés par l'import et gardés parce qu'ils ont servi depuis",

  // ---- refus ----
  'undo.no_import': (p) =>
    p.ref.trim().toLowerCase() === 'last'
      ? `Aucun import ${what(p.kind)} pour le moment : alumni ${p.kind} imports n'en montre aucun.`
      : `Aucun import ${what(p.kind)} n'a d'identifiant commençant par « ${p.ref} » : voir alumni ${p.kind} imports --columns started_at,file,id.`,
  'undo.ambiguous_import': (p) =>
    `« ${p.ref} » est le début de l'identifiant de plusieurs imports (${p.ids.join(', ')}) : donnez-en davantage.`,
  'undo.already_undone': (p) =>
    `L'import ${p.id} a déjà été annulé (${f().dateTime(p.at)}${p.by ? `, par ${p.by}` : ''}) : rien n'a changé.`,
  'undo.nothing_written': (p) => `L'import ${p.id} a été entièrement annulé à son exécution et n'a rien écrit : il n'y a rien à défaire.`,
  'undo.audit_incomplete': (p) =>
    `Le journal d'audit ne contient plus ${n(p.missing)} des ${n(p.expected)} modifications faites par l'import ${p.id} (purgées depuis) : il ne peut pas être annulé exactement, et rien n'a changé.`,
  'undo.import_running': (p) =>
    `Un import ${what(p.kind)} est en cours, et une annulation l'attend au plus ${n(p.waitMs)} ms (ALUMNI_LOCK_WAIT_MS) : réessayez quand il sera terminé.`,

  // ---- le plan et le compte rendu ----
  'undo.label.import': 'Import',
  'undo.label.started': 'Exécuté',
  'undo.label.removed': "Retirés (ajoutés par l'import)",
  'undo.label.restored': "Rétablis (modifiés par l'import)",
  'undo.label.kept': 'Gardés (ajoutés, utilisés depuis)',
  'undo.label.kept_changes': 'Gardés (modifiés depuis)',
  'undo.label.erased': 'Effacés depuis (laissés tels quels)',
  'undo.label.gone': 'Supprimés depuis',
  'undo.label.deactivated': 'Gardés et désactivés',
  'undo.label.references_removed': 'Références retirées',
  'undo.value.import': (p) => `${p.id} (${p.file})`,
  'undo.value.restored': (p) => `${n(p.rows)} (${n(p.fields)} ${f().plural(p.fields, { one: 'champ', other: 'champs' })})`,
  'undo.value.fields': (p) => `${n(p.count)} ${f().plural(p.count, { one: 'champ', other: 'champs' })}`,
  'undo.value.references': (p) => [...p.fields, ...p.years.map(String)].join(', '),
  'undo.kept_row': (p) => `Gardé ${p.key} : ${f().list(p.reasons)}.`,
  'undo.kept_field': (p) => `Gardé le champ ${p.field} de ${p.key} : modifié depuis l'import.`,
  'undo.more': (p) => `… et ${n(p.count)} de plus (--json les donne tous).`,
  'undo.reason.edited': 'modifié depuis',
  'undo.reason.logged_in': "s'est connecté",
  'undo.reason.acted': 'a agi sur la plateforme',
  'undo.reason.used': (p) => {
    const uses: Record<string, string> = {
      membre_groupe: 'est membre d’un groupe',
      groupe: 'a des groupes',
      message: 'a des messages',
      stage: 'a des offres',
      formation: 'a des offres',
      emploi: 'a des offres',
      contact_organisation: 'a des contacts d’organisation',
      validation_formation: 'a des décisions de modération',
      validation_groupe: 'a des décisions de modération',
      validation_organisation: 'a des décisions de modération',
      organisation: 'est désignée par des organisations',
    };
    return uses[p.table] ?? `est utilisé dans ${p.table}`;
  },
  'undo.question': (p) => `Annuler l'import ${p.id} (${p.file}) : retirer ${n(p.removed)}, rétablir ${n(p.restored)} ?`,
  'undo.dry_run': "Essai : rien n'a changé.",
  'undo.done': (p) => `Import ${p.id} annulé ; un nouvel import du même fichier se fait désormais comme pour un nouveau fichier.`,
};
export default fr;
