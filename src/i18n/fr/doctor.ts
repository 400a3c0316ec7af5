import type en from '../en/doctor.js';
import { formatsFor } from '../format.js';

const plural = (n: number, one: string, other: string) => formatsFor('fr').plural(n, { one, other });
const count = (n: number, one: string, other: string) => `${formatsFor('fr').integer(n)} ${plural(n, one, other)}`;
const n = (value: number) => formatsFor('fr').integer(value);
const UNITS = { B: 'o', kB: 'ko', MB: 'Mo', GB: 'Go', TB: 'To' } as const;

/** Les messages français du domaine doctor : mêmes clés et mêmes paramètres que en/doctor.ts. */
const fr: typeof en = {
  'doctor.description': 'dire quelle base est utilisée et si elle est en bonne santé',
  'doctor.label.database': 'Base de données',
  'doctor.label.server_version': 'Version du serveur',
  'doctor.label.schema_version': 'Version du schéma',
  'doctor.label.pending_migrations': 'Migrations en attente',
  'doctor.label.pg_cron': 'pg_cron',
  'doctor.label.stats_refreshed': 'Statistiques actualisées',
  'doctor.label.pending_moderation': 'En attente de modération',
  'doctor.label.retention': 'Conservation',
  'doctor.label.audit_retention': "Conservation de l'audit",
  'doctor.label.message_deletion': 'Suppression des messages',
  'doctor.label.import_ledger': 'Registre des imports',
  'doctor.label.language': 'Langue',
  'doctor.label.table': 'Table',
  'doctor.label.kind': 'Type',
  'doctor.label.size': 'Taille',
  'doctor.label.rows': 'Lignes (estim.)',

  'doctor.database': (p) => `${p.location} (${p.backend === 'server' ? 'serveur PostgreSQL' : 'PGlite intégrée'})`,
  'doctor.schema_empty': 'aucune (base vide)',
  'doctor.none': 'aucune',
  'doctor.never': 'jamais',
  'doctor.not_applicable': 'sans objet',
  'doctor.pg_cron.installed': 'installé',
  'doctor.pg_cron.available': 'disponible, non installé',
  'doctor.pg_cron.unavailable': 'non disponible',
  'doctor.moderation': (p) => `formations ${n(p.formations)}, groupes ${n(p.groups)}, organisations ${n(p.orgs)}`,
  'doctor.audit_retention': (p) =>
    `${p.retention} (purge-audit) : ${count(p.entries, 'entrée', 'entrées')}, dont ${n(p.past)} au-delà${p.oldest ? `, la plus ancienne du ${p.oldest}` : ''}`,
  'doctor.message_deletion': (p) =>
    `à la date de suppression propre à chaque message (purge-messages) : ${count(p.dated, 'daté', 'datés')}, ${n(p.due)} à supprimer${p.next ? `, prochaine suppression le ${p.next}` : ''}`,
  'doctor.import_ledger': (p) => `conservé : ${count(p.runs, 'import', 'imports')}${p.oldest ? `, le plus ancien du ${p.oldest}` : ''}`,
  'doctor.language': (p) =>
    p.source === 'default'
      ? `${p.language} (par défaut : ni --lang, ni ALUMNI_LANG, LC_ALL, LC_MESSAGES ou LANG)`
      : p.source === '--lang'
        ? `${p.language} (d'après --lang ${p.value})`
        : `${p.language} (d'après ${p.source}=${p.value})`,
  'doctor.kind.table': 'table',
  'doctor.kind.materialized_view': 'vue matérialisée',
  'doctor.size': (p) => `${p.value} ${UNITS[p.unit]}`,
  'doctor.unknown_rows': '?',
  'doctor.interval': (p) => {
    const words = {
      minutes: ['minute', 'minutes'],
      hours: ['heure', 'heures'],
      days: ['jour', 'jours'],
      weeks: ['semaine', 'semaines'],
      months: ['mois', 'mois'],
      years: ['an', 'ans'],
    }[p.unit];
    return `${formatsFor('fr').integer(p.amount)} ${plural(p.amount, words[0]!, words[1]!)}`;
  },
  'doctor.problem': (p) =>
    p.kind === 'schema_newer'
      ? `Le schéma est plus récent que ce que connaît cet alumni (${p.migrations.join(', ')}) : mettez alumni-admin à jour.`
      : `${p.migrations.length} ${plural(p.migrations.length, 'migration en attente', 'migrations en attente')} (${p.migrations.join(', ')}) : lancez \`alumni migrate\`.`,
  'doctor.healthy': 'La base est en bonne santé.',
};
export default fr;
