// The embedded floor, run as a fresh node process: open a PGlite data directory, one
// query, close; nothing of alumni loaded. `--extensions` also loads the contrib
// extensions the schema uses (as src/db/connect.ts createPGlite does).
import { PGlite } from '@electric-sql/pglite';

const [pgdata, flag] = process.argv.slice(2);
const options = {};
if (flag === '--extensions') {
  const [{ unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  options.extensions = { unaccent, pg_trgm };
}
const pglite = await PGlite.create(pgdata, options);
await pglite.query('select 1');
await pglite.close();
