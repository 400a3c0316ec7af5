import type en from '../en/migrate.js';

/** Les messages français du domaine migrate : mêmes clés et mêmes paramètres que en/migrate.ts. */
const fr: typeof en = {
  'migrate.description': "mettre le schéma de la base à jour (par défaut : latest), ou le faire avancer ou reculer d'une étape",
  'migrate.latest.description': 'appliquer toutes les migrations en attente',
  'migrate.up.description': 'appliquer la prochaine migration en attente',
  'migrate.down.description': "annuler la dernière migration appliquée (ce qu'elle a créé est supprimé, données comprises)",
  'migrate.status.description': 'lister les migrations appliquées et en attente',
  'migrate.make.description': 'créer une paire vide de migrations SQL up/down dans migrations/ (pour les développeurs)',
  'migrate.make.name': 'ce que fait la migration, par exemple add_offer_salary',

  'migrate.down.confirm': "Annuler la dernière migration ? Ce qu'elle a créé sera supprimé, données comprises.",
  'migrate.nothing_to_do': (p) =>
    `Rien à faire : le schéma est ${p.version === null ? 'sans version (base vide)' : `à la version ${p.version}`}.`,
  'migrate.applied': (p) => `Migration ${p.name} appliquée`,
  'migrate.reverted': (p) => `Migration ${p.name} annulée`,
  'migrate.version': (p) => `Version du schéma : ${p.version ?? 'aucune'}.`,

  'migrate.label.migration': 'Migration',
  'migrate.label.status': 'État',
  'migrate.status.applied': 'appliquée',
  'migrate.status.applied_unknown': 'appliquée (inconnue de cette version)',
  'migrate.status.pending': 'en attente',

  'migrate.unknown_migrations': (p) =>
    `La base contient des migrations que cette version d'alumni ne connaît pas (${p.migrations.join(', ')}) ; mettez alumni-admin à jour au lieu de migrer.`,
  'migrate.failed': (p) => `La migration ${p.migration === null ? '' : `${p.migration} `}a échoué et a été annulée : ${p.reason}`,
  'migrate.unusable_name': (p) =>
    `« ${p.name} » ne peut pas servir de nom de migration ; utilisez des lettres, des chiffres et des tirets bas.`,
  'migrate.file_exists': (p) => `${p.file} existe déjà.`,
  'migrate.done': (p) =>
    `${p.names.length > 1 ? 'Migrations' : 'Migration'} ${p.names.join(', ')} ${p.up ? 'appliquée' : 'annulée'}${p.names.length > 1 ? 's' : ''} ; version du schéma : ${p.version ?? 'aucune'}.`,
  'migrate.status.empty': "Cette version d'alumni n'a aucune migration.",
};
export default fr;
