import { UsageError } from '../errors.js';

/** Replaces the password of every URL with credentials found in `text` with `****`. */
export function maskSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)@/gi, '$1****@');
}

export interface ServerAddress {
  host: string;
  port: number;
  database: string;
}

const EXPECTED = 'expected postgres://USER:PASSWORD@HOST:PORT/DATABASE';

/**
 * Checks that `url` is a PostgreSQL connection URL. A malformed URL is never echoed:
 * where it does not parse, there is no telling which part of it is the password.
 */
export function parseDatabaseUrl(url: string, source = 'The database URL'): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${source} is not a valid URL; ${EXPECTED}.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UsageError(`${source} starts with "${parsed.protocol}//", not postgres://; ${EXPECTED}.`);
  }
  const socketHost = parsed.searchParams.get('host');
  return {
    host: decodeURIComponent(parsed.hostname) || socketHost || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres',
  };
}
