import type en from '../en/jobs.js';
import { formatsFor } from '../format.js';

/** Les messages français du domaine jobs : mêmes clés et mêmes paramètres que en/jobs.ts. */
const fr: typeof en = {
  'jobs.description': "tâches de maintenance, pour cron ou à la demande (elles s'exécutent au nom du système)",
  'jobs.list.description': 'chaque tâche : planification, dernière exécution, prochaine échéance',
  'jobs.run.description': 'exécuter des tâches maintenant, chacune sous son verrou : une ligne de bilan par tâche',
  'jobs.run.all': 'toutes les tâches',
  'jobs.run.dry_run': 'compter ce qui changerait et montrer les premières lignes, sans rien écrire',
  'jobs.run.wait':
    "quand une autre exécution détient le verrou d'une tâche, l'attendre ce nombre de secondes (par défaut : code de sortie 75 aussitôt)",
  'jobs.run.older_than': 'purge-audit : les entrées plus anciennes que cette durée sont supprimées',
  'jobs.history.description': 'les exécutions, des plus récentes aux plus anciennes',
  'jobs.crontab.description': 'les lignes crontab des planifications par défaut, prêtes à coller',
  'jobs.schedule.description': 'inscrire les tâches dans pg_cron (sans doublon), avec la même logique que `jobs run`',
  'jobs.schedule.older_than': 'durée de conservation pour purge-audit',
  'jobs.unschedule.description': 'retirer les tâches de pg_cron',
  'jobs.check.description': 'pour la supervision : code de sortie 1, en nommant toute tâche en échec ou en retard',
  'jobs.argument.default_all': (p) => `${p.jobs} (par défaut : toutes)`,
  'jobs.retention': (p) => `${p.description}, par exemple 90d, 6mo, 1y (par défaut : ALUMNI_AUDIT_RETENTION, sinon 365d)`,

  'jobs.unknown': (p) => `Tâche inconnue « ${p.name} » : les tâches sont ${p.jobs.join(', ')}.`,
  'jobs.names_and_all': 'Donnez des noms de tâches ou --all, pas les deux.',
  'jobs.none_named': (p) => `Nommez les tâches à exécuter (${p.jobs.join(', ')}) ou donnez --all.`,
  'jobs.schedule_embedded': 'pg_cron demande un serveur PostgreSQL ; avec la base intégrée, utilisez `alumni jobs crontab`.',
  'jobs.unschedule_embedded': "pg_cron demande un serveur PostgreSQL ; la base intégrée n'a rien de planifié.",
  'jobs.pg_cron_missing':
    "pg_cron n'est pas installé sur ce serveur : installez le paquet postgresql-15-cron (ou celui de votre version), réglez shared_preload_libraries = 'pg_cron' et cron.database_name dans postgresql.conf, redémarrez PostgreSQL, lancez CREATE EXTENSION pg_cron dans cette base, puis réessayez ; ou bien utilisez `alumni jobs crontab`.",
  'jobs.pg_cron_not_created': (p) =>
    `pg_cron est chargé mais pas créé dans sa base ${p.database} : lancez-y CREATE EXTENSION pg_cron, puis réessayez.`,

  'jobs.status.ok': 'ok',
  'jobs.status.failed': 'échec',
  'jobs.status.locked': 'verrouillée',
  'jobs.status.running': 'en cours',
  'jobs.status.dry_run': 'essai à blanc, changerait',
  'jobs.took': (p) => `${formatsFor('fr').decimal(p.seconds, 2)} s`,
  'jobs.no_rows': '-',
  'jobs.rows': (p) => {
    const { integer, plural } = formatsFor('fr');
    const n = integer(p.count);
    const word = (one: string, other: string) => `${n} ${plural(p.count, { one, other })}`;
    switch (p.table) {
      case 'stage':
        return word('stage', 'stages');
      case 'emploi':
        return word('emploi', 'emplois');
      case 'message':
        return word('message', 'messages');
      case 'stats_emploi_par_annee':
        return word('ligne de statistiques', 'lignes de statistiques');
      case 'audit_log':
        return word("entrée d'audit", "entrées d'audit");
      default:
        return `${p.table}=${n}`;
    }
  },
  'jobs.run.locked_hint': '(une autre exécution détient le verrou ; réessayez plus tard ou utilisez --wait)',
  'jobs.run.error': (p) => `erreur : ${p.error}`,
  'jobs.cause.detail': 'détail',
  'jobs.cause.hint': 'conseil',
  'jobs.cause.where': 'contexte',
  'jobs.check.ok': 'ok',
  'jobs.problem': (p) =>
    p.kind === 'failed'
      ? `la dernière exécution a échoué : ${p.error ?? 'aucune erreur enregistrée'}`
      : p.kind === 'never'
        ? "n'a jamais réussi"
        : `en retard : dernier succès le ${p.lastSuccess}, il y a plus de deux fois sa période`,
  'jobs.schedule.line': (p) => `${p.job}  ${p.schedule}  tâche pg_cron ${p.jobid} « ${p.jobname} »`,
  'jobs.unschedule.removed': 'retirée de la planification',
  'jobs.unschedule.absent': "n'était pas planifiée",

  'jobs.crontab.header': "# Tâches de maintenance d'alumni : à coller dans `crontab -e` (les heures sont celles de cette machine).",
  'jobs.crontab.database': (p) => `# Indiquez la base en tête de la crontab, avec son vrai mot de passe :\n# DATABASE_URL=${p.url}`,
  'jobs.crontab.language': "# Les lignes de bilan en français (cron lance les commandes avec LANG=C, qui donne l'anglais) :",
  'jobs.crontab.log':
    '# Chaque exécution ajoute une ligne de bilan (erreurs comprises) à ~/alumni-jobs.log ; `alumni jobs check` dit si elles tournent.',

  'jobs.label.job': 'Tâche',
  'jobs.label.schedule': 'Planification',
  'jobs.label.last_run': 'Dernière exécution',
  'jobs.label.took': 'Durée',
  'jobs.label.status': 'État',
  'jobs.label.rows': 'Lignes',
  'jobs.label.next_due': 'Prochaine échéance',
  'jobs.label.started_at': 'Début',
  'jobs.label.by': 'Par',
  'jobs.label.error': 'Erreur',
  'jobs.never': 'jamais',
  'jobs.history.empty': 'Aucune exécution enregistrée pour le moment.',
  'jobs.check.not_run_yet': (p) => `pas encore exécutée, première exécution prévue le ${p.due}`,
};
export default fr;
