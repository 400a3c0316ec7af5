/**
 * English messages of the progress area (keys start with "progress."): what a command
 * shows on a terminal's stderr while it works (src/cli/progress.ts): the line of a step
 * that takes a moment, and the import's bar.
 */

/** A time left, to the second under a minute, then to the second or the minute. */
const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
};

export default {
  'progress.opening_database': 'Opening the database…',
  'progress.reading': (p: { file: string }) => `Reading ${p.file}…`,
  /** The import bar's label; without the file's name (null) when the terminal is narrow. */
  'progress.importing_users': (p: { file: string | null }) => (p.file === null ? 'Importing users' : `Importing users from ${p.file}`),
  'progress.importing_orgs': (p: { file: string | null }) =>
    p.file === null ? 'Importing organisations' : `Importing organisations from ${p.file}`,
  /** null: not estimated yet (nothing written so far). */
  'progress.time_left': (p: { seconds: number | null }) => (p.seconds === null ? '… left' : `${duration(p.seconds)} left`),
  /** The import's bar; `rows` is left out (null) when the terminal is too narrow for it. */
  'progress.import_bar': (p: { label: string; bar: string; percent: string; rows: string | null; speed: string; timeLeft: string }) =>
    `${p.label} ${p.bar} ${p.percent}%${p.rows === null ? '' : ` | ${p.rows} rows`} | ${p.speed} rows/s | ${p.timeLeft}`,
  /** After a bulk command on the embedded database (src/db/autovacuum.ts). */
  'progress.vacuuming': 'Vacuuming and analysing the embedded database…',
} satisfies Record<`progress.${string}`, string | ((params: never) => string)>;
