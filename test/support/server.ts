import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server for the test run: its superuser URL and how to stop it. */
export interface TestServer {
  adminUrl: string;
  how: string;
  stop(): Promise<void>;
}

/**
 * TEST_DATABASE_URL if set; else testcontainers' PostgreSQL module when a container
 * runtime answers; else a throwaway PostgreSQL 15 cluster from the local binaries.
 * Throws when none can be had: the suite fails rather than skipping (CI=true or not).
 */
export async function startTestServer(): Promise<TestServer> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, how: 'TEST_DATABASE_URL', stop: async () => {} };
  }
  const container = await tryTestcontainers();
  if (container) return container;
  return startLocalCluster();
}

async function tryTestcontainers(): Promise<TestServer | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    // Fails within milliseconds when no container runtime answers.
    await getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15-alpine').start();
  return {
    adminUrl: container.getConnectionUri(),
    how: 'testcontainers',
    stop: async () => void (await container.stop()),
  };
}

export function findPostgresBin(): string {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on PATH
  }
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'No PostgreSQL server for the tests: set TEST_DATABASE_URL, start a container runtime, or install PostgreSQL 15 (apt-get install postgresql-15).',
    );
  }
  return found;
}

export interface LocalCluster extends TestServer {
  dir: string;
  port: number;
}

/**
 * initdb + pg_ctl in a temporary directory, as the postgres user when running as root
 * (initdb refuses root). Durability is switched off: the cluster lives for one run.
 */
export async function startLocalCluster(extraSettings: string[] = []): Promise<LocalCluster> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'alumni-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    const result = spawnSync(asRoot ? 'runuser' : join(bin, cmd), full, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${cmd} failed: ${result.stderr || result.stdout || result.error?.message}`);
    }
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-N', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    ...extraSettings,
  ].join(' ');
  run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', settings, 'start']);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    how: `local cluster (${bin}, port ${port})`,
    dir,
    port,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
