import type en from '../en/settings.js';

/** Les messages français du domaine settings : mêmes clés et mêmes paramètres que en/settings.ts. */
const fr: typeof en = {
  // ---- aide ----
  'settings.description': "les paramètres de la plateforme, comme le nom de l'établissement sur le rapport d'insertion",
  'settings.list.description': 'chaque paramètre, sa valeur, quand et par qui il a été modifié en dernier',
  'settings.get.description': "afficher la valeur d'un paramètre (code de sortie 4 tant qu'il n'est pas défini)",
  'settings.set.description': 'définir un paramètre (un administrateur : --as)',
  'settings.argument.key': (p) => `le paramètre : ${p.keys}`,
  'settings.argument.value': 'sa nouvelle valeur',

  // ---- refus ----
  'settings.not_set': (p) => `Le paramètre ${p.key} n'est pas défini : définissez-le avec alumni settings set ${p.key} VALEUR --as ADMIN.`,
  'settings.unknown': (p) => `Paramètre inconnu « ${p.name} » : les paramètres sont ${p.keys.join(', ')}.`,
  'settings.empty': (p) => `Le paramètre ${p.key} a besoin d'une valeur.`,
  'settings.too_long': (p) => `Le paramètre ${p.key} compte au plus ${p.max} caractères.`,

  // ---- ce que disent les commandes ----
  'settings.set.done': (p) => `Paramètre ${p.key} enregistré.`,
  'settings.set.unchanged': (p) => `Le paramètre ${p.key} avait déjà cette valeur : rien n'a changé.`,
  'settings.not_set_value': '(non défini)',
  'settings.label.key': 'Paramètre',
  'settings.label.value': 'Valeur',
  'settings.label.changed_at': 'Modifié le',
  'settings.label.changed_by': 'Par',
};
export default fr;
