import type en from '../en/progress.js';

/** Un temps restant, à la seconde sous la minute, puis à la seconde ou à la minute. */
const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
};

/** Les messages français du domaine progress : mêmes clés et mêmes paramètres que en/progress.ts. */
const fr: typeof en = {
  'progress.opening_database': 'Ouverture de la base de données…',
  'progress.reading': (p) => `Lecture de ${p.file}…`,
  'progress.importing_users': (p) => (p.file === null ? 'Import des utilisateurs' : `Import des utilisateurs depuis ${p.file}`),
  'progress.importing_orgs': (p) => (p.file === null ? 'Import des organisations' : `Import des organisations depuis ${p.file}`),
  'progress.time_left': (p) => (p.seconds === null ? 'fin dans …' : `fin dans ${duration(p.seconds)}`),
  'progress.import_bar': (p) =>
    `${p.label} ${p.bar} ${p.percent} %${p.rows === null ? '' : ` | ${p.rows} lignes`} | ${p.speed} lignes/s | ${p.timeLeft}`,
  'progress.vacuuming': 'Nettoyage et analyse de la base intégrée…',
};
export default fr;
