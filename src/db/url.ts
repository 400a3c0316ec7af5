import { problem, UsageError } from '../errors.js';

/** What a secret is replaced with. */
const MASK = '****';

/**
 * A URI (a scheme, then `//`, up to white space), or a keyword=value setting naming a
 * password as libpq reads it (`password = 'a b\' c'`, `sslpassword=x`, `PGPASSWORD=x`):
 * spaces around `=`, a value quoted with '...' (\' and \\ escaped) or bare up to white
 * space (a backslash escaping the next character). libpq skips white space after the `=`
 * whatever follows, so `password= dbname=x` sets the password to `dbname=x`.
 * Each alternative starts only where a word does (the look-behinds): tried at every
 * character of a long word, the scan to its end made a 160 KB value take minutes.
 */
const SECRET_BEARER =
  /((?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S*)|((?<![\w-])[a-z_]*password\s*=\s*)('(?:[^'\\]|\\[\s\S]?)*'?|(?:[^\s\\]|\\[\s\S]?)*)/gi;

/**
 * Masks every password in `text` (messages, stacks) with `****`: in the URIs it holds,
 * the password of the user information and `password=` in the query; and the values of
 * keyword=value password settings (libpq's connection strings). A URI ends at white
 * space here: `maskConnectionString` masks a whole value known to be one.
 */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_BEARER, (match, uri: string | undefined, setting: string | undefined) =>
    uri !== undefined ? maskUri(uri) : `${setting}${MASK}`,
  );
}

/** A connection string (URI or keyword=value) with its passwords masked; a URI is masked whole, white space and all. */
export function maskConnectionString(value: string): string {
  return /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(value) ? maskUri(value) : maskSecrets(value);
}

/**
 * Masks the password of a URI's user information and every query parameter naming a
 * password (in any case, its name percent-encoded or not). Where the user information
 * ends, libpq and the WHATWG URL parser (node-postgres) disagree: libpq takes the first
 * `@` before a `/` (`u:p?x@h` is user u, password p?x), WHATWG the last `@` before a `/`,
 * `?` or `#`. The mask runs to libpq's `@` or to the last one before the query, whichever
 * is later: neither reading leaks, at worst a path is masked too.
 */
function maskUri(uri: string): string {
  const start = uri.indexOf('://') + 3;
  const before = (char: string) => {
    const at = uri.indexOf(char, start);
    return at < 0 ? uri.length : at;
  };
  const whatwgAt = uri.lastIndexOf('@', before('?') - 1);
  const libpqAt = uri.indexOf('@', start);
  const userinfoEnd = Math.max(whatwgAt >= start ? whatwgAt : -1, libpqAt >= start && libpqAt < before('/') ? libpqAt : -1);
  let masked = uri;
  let rest = start;
  if (userinfoEnd >= 0) {
    const colon = uri.indexOf(':', start);
    if (colon >= 0 && colon < userinfoEnd) masked = `${uri.slice(0, colon + 1)}${MASK}${uri.slice(userinfoEnd)}`;
    rest = masked.indexOf('@', start) + 1;
  }
  const query = masked.indexOf('?', rest);
  if (query < 0) return masked;
  return `${masked.slice(0, query + 1)}${maskQuery(masked.slice(query + 1))}`;
}

/**
 * `a=1&password=p&b=2` → `a=1&password=****&b=2`. A value runs to the next `&` that
 * starts another key=value pair: an unencoded `&` inside a password is masked with it.
 */
function maskQuery(query: string): string {
  return query.replace(/(^|&)([^&=]*)=((?:[^&]|&(?![^&=]*=))*)/g, (pair, separator: string, key: string) =>
    /password$/i.test(decodedKey(key)) ? `${separator}${key}=${MASK}` : pair,
  );
}

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

export interface ServerAddress {
  host: string;
  port: number;
  database: string;
}

/**
 * Checks that `url` is a PostgreSQL connection URL. A malformed URL is never echoed:
 * where it does not parse, there is no telling which part of it is the password.
 * `source` is where it came from (`--database-url`, `DATABASE_URL`), for the message.
 */
export function parseDatabaseUrl(url: string, source: string | null = null): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(problem('database.url_invalid', { source }));
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UsageError(problem('database.url_protocol', { source, protocol: parsed.protocol }));
  }
  const socketHost = parsed.searchParams.get('host');
  return {
    host: decodeURIComponent(parsed.hostname) || socketHost || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres',
  };
}
