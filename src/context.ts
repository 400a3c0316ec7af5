import type { Kysely } from 'kysely';
import { AlumniError, ExitCode, problem } from './errors.js';
import { t } from './i18n/messages.js';
import { canPrompt, type Io } from './cli/io.js';
import { Output } from './cli/output.js';
import { startStatus, withStatus } from './cli/progress.js';
import type { OpenDatabase } from './db/connect.js';
import type { Workload } from './db/pglite.js';
import { parseLockWait } from './db/datadir-lock.js';
import type { DB } from './db/schema.js';
import type { WriteSession } from './db/session.js';
import type { Interruption } from './interrupt.js';
import type { Actor } from './services/actor.js';
import { VERSION } from './version.js';

export interface GlobalOptions {
  databaseUrl?: string;
  json?: boolean;
  as?: string;
  verbose?: boolean;
  color?: boolean;
}

/**
 * How a command treats the schema of the database it opens:
 * - current: the schema must be up to date (the embedded one is brought up to date);
 * - inspect: `doctor` looks at whatever is there (the embedded one is brought up to date);
 * - raw: `migrate` takes the database as it is.
 */
export type SchemaPolicy = 'current' | 'inspect' | 'raw';

export interface DbOptions {
  schema?: SchemaPolicy;
  /** 'bulk' for the commands that work long on the embedded database (src/db/pglite.ts). */
  workload?: Workload;
}

/** What a command needs: streams, output, options, the database on demand, the actor. */
export class Context {
  readonly out: Output;
  readonly version = VERSION;

  constructor(
    readonly io: Io,
    readonly options: GlobalOptions,
    /** The command's words, e.g. "migrate status": they go into the audit user agent. */
    readonly commandPath: string,
    /** Stop signals: what the embedded database is guarded by while open (src/interrupt.ts). */
    private readonly interruption: Interruption,
  ) {
    this.out = new Output(io, { json: options.json, color: options.color });
  }

  /** Aborted when a signal interrupts the command: long work (reading a file) stops on it. */
  get signal(): AbortSignal {
    return this.interruption.signal;
  }

  get canPrompt(): boolean {
    return canPrompt(this.io);
  }

  get userAgent(): string {
    return `alumni/${this.version} ${this.commandPath}`;
  }

  /** Opens the database, applies the schema policy, runs `work`, and always closes it. */
  async withDb<T>(work: (handle: OpenDatabase) => Promise<T>, options: DbOptions = {}): Promise<T> {
    // Opening the embedded database takes a moment (~0.4 s, more while another process
    // holds it): said on a terminal when it lasts (src/cli/progress.ts).
    const opening = startStatus(this.out, this.io.env, t('progress.opening_database'));
    let handle: OpenDatabase;
    try {
      const { openDatabase, resolveTarget } = await import('./db/connect.js');
      const target = resolveTarget(this.options.databaseUrl, this.io.env);
      handle = await openDatabase(target, {
        lockWaitMs: parseLockWait(this.io.env.ALUMNI_LOCK_WAIT_MS),
        onCreate: (dir) => {
          // Its own line says so instead.
          opening.stop();
          this.out.info(t('database.creating', { dir }));
        },
        workload: options.workload,
        interruption: this.interruption,
      });
    } finally {
      opening.stop();
    }
    try {
      await this.checkSchema(handle, options.schema ?? 'current');
      const result = await work(handle);
      if (options.workload === 'bulk' && handle.target.backend === 'embedded') await this.vacuumEmbedded(handle);
      return result;
    } finally {
      await handle.close();
    }
  }

  /**
   * A server's autovacuum looks after its tables; PGlite has none (src/db/autovacuum.ts).
   * The command's work is committed by then: a vacuum that fails is said, not fatal.
   */
  private async vacuumEmbedded(handle: OpenDatabase): Promise<void> {
    try {
      const { vacuumAsAutovacuumWould } = await import('./db/autovacuum.js');
      await withStatus(this.out, this.io.env, t('progress.vacuuming'), () => vacuumAsAutovacuumWould(handle.db));
    } catch (error) {
      this.out.warn(t('database.vacuum_failed', { reason: (error as Error).message }));
    }
  }

  private async checkSchema(handle: OpenDatabase, policy: SchemaPolicy): Promise<void> {
    if (policy === 'raw') return;
    const { readSchemaState } = await import('./db/migrator.js');
    const state = await readSchemaState(handle.db);
    if (state.unknown.length > 0) {
      throw new AlumniError(problem('database.schema_too_new', { version: state.version, alumniVersion: this.version }), ExitCode.usage);
    }
    if (state.pending.length === 0) return;
    if (handle.target.backend === 'embedded') {
      const { migrateToLatest } = await import('./services/migrations.js');
      await this.out.withSpinner(t('database.migrating_embedded'), () => migrateToLatest(handle.db), {
        succeed: t('database.migrated_embedded', { count: state.pending.length }),
      });
      return;
    }
    if (policy === 'current') {
      throw new AlumniError(problem('database.schema_behind', { pending: state.pending.length }), ExitCode.usage);
    }
  }

  /** The acting administrator (`--as` or ALUMNI_ACTOR); exit 77 when missing or not allowed. */
  async actor(db: Kysely<DB>, options: { requireSuperAdmin?: boolean } = {}): Promise<Actor> {
    const { resolveActor } = await import('./services/actor.js');
    return resolveActor(db, this.options.as ?? this.io.env.ALUMNI_ACTOR, options);
  }

  /** The audit identity of a write made by the acting administrator (`--as`). */
  async writeSession(db: Kysely<DB>): Promise<WriteSession> {
    return this.session(await this.actor(db));
  }

  /** The audit identity of a write: an administrator, or the system for jobs and migrate. */
  session(actor: Actor | null): WriteSession {
    return { actorId: actor?.id ?? null, actorRole: actor?.role, userAgent: this.userAgent };
  }
}
