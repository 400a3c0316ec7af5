import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import type { Extension, PGlite } from '@electric-sql/pglite';
import { openFailure, PostgresLog, stopOnAbort } from './pglite-failures.js';
import { VALUE_PARSERS } from './value-parsers.js';

/**
 * How long the process will use the embedded database, which decides how V8 compiles
 * PGlite's WebAssembly (9 MB). By default V8 compiles it with its baseline compiler
 * (Liftoff), then recompiles the hot functions with its optimising one (TurboFan) on
 * background threads. A command that is over in half a second never profits from the
 * second compiler and pays for it: on two cores it competes with the main thread, delays
 * the file reads behind it, and the process cannot exit before a recompilation under way
 * ends (0.05 s after any scan of a large table). Measured: 0.53 s for a bare open with
 * tiering, 0.37 s without (README, "Benchmark"). A bulk command (an import, a job) runs
 * long enough for optimised code to pay: an embedded import of 100,000 rows took 10.3 s
 * with it, 13.1 s on Liftoff alone.
 */
export type Workload = 'short' | 'bulk';

/** Short commands: Liftoff only, no recompilation. */
export const SHORT_RUN_V8_FLAGS = '--liftoff-only';

/**
 * PostgreSQL settings for short commands: a 16 MB buffer pool instead of PGlite's 128 MB.
 * PGlite sets the pool up in WebAssembly at every open, in proportion to its size (0.06 s
 * of a 0.37 s open at 128 MB), and a short command reads a few MB. Bulk commands keep the
 * default: an import rewrites the same index pages many times over.
 */
export const SHORT_RUN_SETTINGS = ['shared_buffers=16MB'];

// The module is compiled once per process (PGlite caches it), so the first open decides.
let tieringDecided = false;

function chooseTiering(workload: Workload): void {
  if (tieringDecided) return;
  tieringDecided = true;
  // Read when the module is compiled, which has not happened yet in this process.
  if (workload === 'short') setFlagsFromString(SHORT_RUN_V8_FLAGS);
}

/** Opens (or creates) a PGlite database in `pgdata` (in memory when undefined) with the contrib extensions the schema uses. */
export async function createPGlite(pgdata: string | undefined, workload: Workload = 'short'): Promise<PGlite> {
  chooseTiering(workload);
  const [{ PGlite }, { unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  if (pgdata) mkdirSync(dirname(pgdata), { recursive: true });
  const startParams =
    workload === 'short' ? [...PGlite.defaultStartParams, ...SHORT_RUN_SETTINGS.flatMap((setting) => ['-c', setting])] : undefined;
  const log = new PostgresLog();
  const pglite = new PGlite(pgdata, { parsers: VALUE_PARSERS, startParams, onStderr: log.onStderr });
  const where = pgdata ? dirname(pgdata) : 'memory';
  try {
    await pglite.waitReady;
  } catch (error) {
    throw openFailure(pglite, where, log, error);
  }
  stopOnAbort(pglite, where, log);
  try {
    await installContribFiles(pglite, [unaccent, pg_trgm]);
  } catch (error) {
    await pglite.close().catch(() => {});
    throw error;
  }
  return pglite;
}

/**
 * Puts the files of contrib extensions (control file, SQL scripts, the `.so` and its data,
 * e.g. unaccent.rules) into PGlite's file system. Given as `extensions` to PGlite.create,
 * each `.so` would be compiled and linked while the database opens, ~25 ms per command
 * whether the command calls unaccent or not. Copied in, it is loaded by PostgreSQL itself
 * on first use (a synchronous dlopen, a few ms), as on a server; CREATE EXTENSION finds
 * its scripts the same way.
 */
async function installContribFiles(pglite: PGlite, extensions: Extension[]): Promise<void> {
  const { parseTar } = await import('nanotar');
  const fs = pglite.Module.FS;
  for (const extension of extensions) {
    // The extension says where its bundle is (a .tar.gz next to PGlite's own files).
    const { bundlePath } = await extension.setup(pglite, {});
    // eslint-disable-next-line alumni/no-literal-messages -- a bug of ours, not a user's doing: reported as code internal
    if (!bundlePath) throw new Error(`PGlite's ${extension.name} extension has no file bundle`);
    for (const entry of parseTar(gunzipSync(readFileSync(bundlePath)))) {
      if (entry.type !== 'file' || !entry.data) continue;
      // Where PGlite's own loader puts bundle files: under its installation prefix.
      const path = posix.join(pglite.Module.WASM_PREFIX, entry.name);
      fs.mkdirTree(posix.dirname(path));
      pglite.copyToFS(path, entry.data);
    }
  }
}
