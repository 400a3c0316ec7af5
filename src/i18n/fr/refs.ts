import type en from '../en/refs.js';
import type { Suggested } from '../en/names.js';
import names from './names.js';

/** Les messages français du domaine refs : mêmes clés et mêmes paramètres que en/refs.ts. */
type Kind = 'user' | 'organisation' | 'groupe';
const NONE: Record<Kind, string> = { user: 'Aucun utilisateur', organisation: 'Aucune organisation', groupe: 'Aucun groupe' };
const SEVERAL: Record<Kind, string> = {
  user: 'plusieurs utilisateurs',
  organisation: 'plusieurs organisations',
  groupe: 'plusieurs groupes',
};
const HINT: Record<Kind, string> = {
  user: 'donnez un identifiant, un e-mail ou un matricule',
  organisation: 'donnez un identifiant ou le nom exact',
  groupe: 'donnez un identifiant ou le nom exact',
};
const quoted = (text: string) => `« ${text} »`;

/** Une seule référence inconnue : ses noms proches comme après « aucun … » ; plusieurs : chacune avec les siens. */
function unknownSuggestions(p: { refs: string[]; suggestions?: Suggested[] }): string {
  const suggestions = p.suggestions ?? [];
  if (p.refs.length === 1) return names['names.did_you_mean']({ names: suggestions[0]?.names ?? [] });
  return names['names.did_you_mean_each']({ suggestions });
}

const fr: typeof en = {
  'refs.ref.not_found': (p) =>
    `${NONE[p.kind]} ${quoted(p.ref)} (${HINT[p.kind]}).${names['names.did_you_mean']({ names: p.suggestions ?? [] })}`,
  'refs.ref.ambiguous': (p) =>
    `${quoted(p.ref)} désigne ${SEVERAL[p.kind]} : ${p.matches.join(' ; ')}${p.more ? ' ; …' : ''}. Donnez l'identifiant.`,
  'refs.ref.unknown': (p) =>
    `${NONE[p.kind]} ${p.refs.map(quoted).join(', ')} (${HINT[p.kind]}) ; rien n'a été modifié.${unknownSuggestions(p)}`,

  'refs.help.description':
    'les valeurs de référence avec lesquelles une liste de diplômés est vérifiée : filières (avec leurs variantes) et années',
  'refs.help.field': "la filière, telle qu'elle est enregistrée (sans tenir compte des majuscules, accents, espaces ni ponctuation)",
  'refs.help.year': 'une année de sortie, par exemple 2024',
  'refs.help.fields': "les filières et leurs variantes d'écriture",
  'refs.help.fields_list': "les filières avec leurs variantes, si les imports peuvent s'en servir, et le nombre d'utilisateurs de chacune",
  'refs.help.years_list': "les années de sortie, si les imports peuvent s'en servir, et le nombre d'utilisateurs de chacune",
  'refs.help.fields_add': 'ajouter une filière',
  'refs.help.name': "son nom, tel que la plateforme l'affiche",
  'refs.help.fields_rename': 'renommer une filière : ses utilisateurs, ses variantes et ses statistiques suivent',
  'refs.help.new_name': 'le nouveau nom',
  'refs.help.fields_alias':
    'faire lire une autre écriture comme cette filière, pour tous les imports à venir (ex. « Génie Info » → « Génie informatique »)',
  'refs.help.alias': "l'autre écriture",
  'refs.help.fields_deactivate': "plus aucun import ne peut donner cette filière ; les utilisateurs qui l'ont la gardent",
  'refs.help.years': 'les années de sortie',
  'refs.help.years_add': 'ajouter une année, ouverte aux imports',
  'refs.help.years_open': 'permettre aux imports de donner cette année',
  'refs.help.years_close': "plus aucun import ne peut donner cette année ; les utilisateurs qui l'ont la gardent",

  'refs.label.field': 'Filière',
  'refs.label.active': 'Ouverte aux imports',
  'refs.label.aliases': 'Variantes',
  'refs.label.users': 'Utilisateurs',
  'refs.label.year': 'Année',
  'refs.label.available': 'Ouverte aux imports',
  'refs.yes': 'oui',
  'refs.no': 'non',

  'refs.field.added': (p) => `Filière ${p.field} ajoutée.`,
  'refs.field.aliased': (p) => `Les imports enregistreront ${p.alias} comme ${p.field}.`,
  'refs.field.deactivated': (p) =>
    `Plus aucun import ne peut donner la filière ${p.field} ; ses ${p.users} utilisateur${p.users > 1 ? 's' : ''} la gardent.`,
  'refs.field.renamed': (p) =>
    `Filière renommée en ${p.field} ; ses ${p.users} utilisateur${p.users > 1 ? 's' : ''} et ses variantes suivent.`,
  'refs.year.added': (p) => `Année ${p.year} ajoutée, ouverte aux imports.`,
  'refs.year.closed': (p) =>
    `Plus aucun import ne peut donner l'année ${p.year} ; ses ${p.users} utilisateur${p.users > 1 ? 's' : ''} la gardent.`,
  'refs.year.opened': (p) => `Les imports peuvent donner l'année ${p.year}.`,

  'refs.field.not_found': (p) => `Aucune filière ${quoted(p.field)} parmi les filières de référence (voir alumni refs fields list).`,
  'refs.field.empty': (p) =>
    `${{ name: 'Le nom de la filière', new_name: 'Le nouveau nom', alias: 'La variante' }[p.what]} est vide : donnez des lettres ou des chiffres.`,
  'refs.field.taken_by_field': (p) =>
    `${quoted(p.name)} est déjà la filière ${quoted(p.field)}, sans tenir compte des majuscules, accents, espaces ni ponctuation.`,
  'refs.field.taken_by_alias': (p) =>
    `${quoted(p.name)} est déjà une variante de ${quoted(p.field)} (${quoted(p.alias)}), sans tenir compte des majuscules, accents, espaces ni ponctuation.`,
  'refs.year.exists': (p) => `L'année ${p.year} est déjà parmi les années de référence (voir alumni refs years list).`,
  'refs.year.not_found': (p) => `Aucune année ${p.year} parmi les années de référence (ajoutez-la avec alumni refs years add ${p.year}).`,
  'refs.fields.empty': 'Aucun domaine d’études pour le moment : ajoutez-en un avec alumni refs fields add NOM.',
  'refs.years.empty': 'Aucune année de référence pour le moment : ajoutez-en une avec alumni refs years add ANNÉE.',
};
export default fr;
