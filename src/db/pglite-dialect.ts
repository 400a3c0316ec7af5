import type { PGlite } from '@electric-sql/pglite';
import { dirname } from 'node:path';
import type { AnySchemaDb } from './migrator.js';
import { statementFailure } from './pglite-failures.js';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * A Kysely dialect for PGlite. kysely-pglite-dialect declares a peer range that excludes
 * PGlite 0.5 and Kysely's own PGliteDialect needs Kysely 0.29 (Node 22), so this small
 * one stands in.
 *
 * PGlite is a single session: connections are handed out one at a time, and a
 * transaction keeps the session until it ends.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: AnySchemaDb) {
    return new PostgresIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private releaseCurrent: (() => void) | undefined;

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.releaseCurrent = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : undefined, settings.accessMode].filter(Boolean);
    await connection.executeQuery(CompiledQuery.raw(`begin${modes.length ? ' ' + modes.join(', ') : ''}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseCurrent;
    this.releaseCurrent = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    // The PGlite instance belongs to whoever opened it (src/db/connect.ts closes it).
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.run<R>(compiledQuery);
    } catch (error) {
      // A full disk is said in words, with the directory.
      throw statementFailure(error, this.pglite.dataDir ? dirname(this.pglite.dataDir) : 'memory');
    }
  }

  private async run<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // A query without parameters goes through the simple protocol (exec), which accepts
    // several statements in one string as the server's simple protocol does: migrations
    // are SQL scripts. With parameters, the extended protocol (query).
    if (compiledQuery.parameters.length === 0) {
      const results = await this.pglite.exec(compiledQuery.sql);
      const last = results.at(-1);
      return {
        rows: (last?.rows ?? []) as R[],
        // rowCount is this statement's own count; affectedRows adds up the whole script.
        numAffectedRows: last?.rowCount !== undefined ? BigInt(last.rowCount) : undefined,
      };
    }
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows !== undefined ? BigInt(result.affectedRows) : undefined,
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    // eslint-disable-next-line alumni/no-literal-messages -- a bug of ours, not a user's doing: reported as code internal
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}
