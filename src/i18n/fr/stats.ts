import type en from '../en/stats.js';

/** Les messages français du domaine stats : mêmes clés et mêmes paramètres que en/stats.ts. */
const fr: typeof en = {
  // Aide
  'stats.description': "statistiques d'insertion et rapport sur le devenir des diplômés",
  'stats.employment.description':
    "par promotion : diplômés, en emploi, en recherche, situation inconnue, taux de connaissance, taux net d'emploi",
  'stats.employment.refresh': "lancer d'abord la tâche refresh-stats (avec son verrou et son historique)",
  'stats.option.from': 'à partir de cette promotion',
  'stats.option.to': "jusqu'à cette promotion",
  'stats.domains.description': 'les mêmes chiffres par domaine, tirés des fiches des diplômés',
  'stats.domains.annee': 'cette promotion seulement',
  'stats.overview.description': 'effectifs des utilisateurs, organisations, offres, groupes, éléments à modérer, imports et tâches récents',
  'stats.report.description':
    'le rapport sur le devenir des diplômés : en fichier HTML autonome, en PDF prêt à imprimer, ou les deux ; petits effectifs masqués',
  'stats.report.html': 'écrire le rapport en HTML dans ce fichier',
  'stats.report.html_what': 'le rapport HTML',
  'stats.report.pdf':
    'écrire le rapport en PDF dans ce fichier (imprimé avec le Chromium du système ($ALUMNI_CHROMIUM, PATH, /usr/bin/chromium))',
  'stats.report.pdf_what': 'le rapport PDF',
  'stats.report.min_cell': 'masquer les chiffres portant sur moins de diplômés que ce nombre',

  // En-têtes de tableau
  'stats.column.year': 'Promotion',
  'stats.column.field': 'Domaine',
  'stats.column.graduates': 'Diplômés',
  'stats.column.working': 'En emploi',
  'stats.column.searching': 'En recherche',
  'stats.column.unknown': 'Situation inconnue',
  'stats.column.knowledge_rate': 'Taux de connaissance',
  'stats.column.employment_rate': "Taux net d'emploi",
  'stats.column.bar': 'Emploi 0–100 %',
  'stats.field.not_recorded': '(non renseigné)',
  'stats.rate.none': '—',

  // Erreurs et notes
  'stats.range_reversed': (p) => `--from ${p.from} est postérieur à --to ${p.to} : donnez d'abord l'année la plus ancienne.`,
  'stats.refresh_locked':
    'refresh-stats tourne déjà ailleurs (son verrou est pris) ; réessayez plus tard, ou consultez les chiffres sans --refresh.',
  'stats.refresh_failed': (p) => `refresh-stats a échoué : ${p.error ?? 'aucune erreur enregistrée'}.`,
  'stats.refreshed.never': "Les statistiques par promotion n'ont jamais été mises à jour ; lancez `alumni jobs run refresh-stats`.",
  'stats.refreshed.line': (p) =>
    `Statistiques par promotion mises à jour le ${p.at} (il y a ${p.ago}) ; \`alumni stats employment --refresh\` les remet à jour.`,
  'stats.ago.minutes': (p) => `${p.n} min`,
  'stats.ago.hours': (p) => `${p.n} h`,
  'stats.ago.days': (p) => `${p.n} jours`,
  'stats.report.same_file': '--html et --pdf désignent le même fichier : donnez deux fichiers différents.',
  'stats.report.printing': 'Impression du PDF avec Chromium…',
  'stats.report.pdf_written': (p) => `PDF écrit : ${p.path}`,
  'stats.report.written': (p) => `Rapport écrit : ${p.path}`,

  // Vue d'ensemble
  'stats.overview.users_by_status': 'Utilisateurs par statut',
  'stats.overview.users_by_role': 'Utilisateurs par rôle',
  'stats.overview.orgs_by_type': 'Organisations par type',
  'stats.overview.orgs_by_status': 'Organisations par statut',
  'stats.overview.internships_by_status': 'Offres de stage par statut',
  'stats.overview.jobs_by_status': "Offres d'emploi par statut",
  'stats.overview.trainings': 'Formations',
  'stats.overview.trainings_value': (p) => `${p.total} (dont ${p.pending} en attente de modération)`,
  'stats.overview.groups': 'Groupes',
  'stats.overview.groups_by_type': 'Groupes par type',
  'stats.overview.moderation': 'En attente de modération',
  'stats.overview.queue.formation': 'formations',
  'stats.overview.queue.groupe': 'groupes',
  'stats.overview.queue.organisation': 'organisations',
  'stats.overview.imports.users': "Imports d'utilisateurs",
  'stats.overview.imports.orgs': "Imports d'organisations",
  'stats.overview.job_runs': (p) => `Exécutions de la tâche ${p.job}`,
  'stats.employment.empty': 'Aucune promotion sur ces années.',
  'stats.domains.empty': 'Aucun diplômé dans cette promotion.',
  'stats.overview.counted_since': (p) => `Imports et exécutions depuis (${p.days} jours)`,
};
export default fr;
