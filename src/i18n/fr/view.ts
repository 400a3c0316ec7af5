import type en from '../en/view.js';

/** Les messages français de l'affichage des résultats : mêmes clés et mêmes paramètres que en/view.ts. */
const fr: typeof en = {
  'view.yes': 'oui',
  'view.no': 'non',
  'view.option.columns': 'les colonnes du tableau, séparées par des virgules (par ex. --columns email,statut) ; toutes : --columns all',
  'view.columns_unknown': (p) =>
    `Pas de colonne ${p.unknown.map((name) => `« ${name} »`).join(', ')} dans cette liste : choisissez parmi ${p.available.join(', ')} (ou all).`,
  'view.field_label': (p) => `${p.label} :`,
  'view.empty': 'Rien à afficher.',
};

export default fr;
