// The embedded floor, run as a fresh node process: open a PGlite data directory, one
// query, close; nothing of alumni loaded (bench/embedded.ts gives it the CLI's V8 flags).
// Settings after the directory (`shared_buffers=16MB`) are added to PGlite's start
// parameters, as src/db/pglite.ts does for short commands.
import { PGlite } from '@electric-sql/pglite';

const [pgdata, ...settings] = process.argv.slice(2);
const startParams = settings.length ? [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])] : undefined;
const pglite = await PGlite.create(pgdata, { startParams });
await pglite.query('select 1');
await pglite.close();
