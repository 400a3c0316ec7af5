import { UsageError } from '../cli/errors.js';

/** Replaces the password of every connection URL found in `text` with `****`. */
export function maskSecrets(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)([^@\s]*)@/gi, '$1****@');
}

export interface ServerAddress {
  host: string;
  port: number;
  database: string;
}

/** Checks that `url` is a PostgreSQL connection URL; the error never shows the password. */
export function parseDatabaseUrl(url: string): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `The database URL "${maskSecrets(url)}" is not a valid URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE.`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UsageError(
      `The database URL "${maskSecrets(url)}" does not start with postgres:// or postgresql://.`,
    );
  }
  const socketHost = parsed.searchParams.get('host');
  return {
    host: decodeURIComponent(parsed.hostname) || socketHost || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres',
  };
}
