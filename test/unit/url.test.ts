import { describe, expect, it } from 'vitest';
import { maskConnectionString, maskSecrets, parseDatabaseUrl } from '../../src/db/url.js';

describe('maskSecrets', () => {
  it('masks the password of every connection URL in a text', () => {
    expect(maskSecrets('postgres://alice:s3cret@db:5432/alumni and postgresql://bob:p%40ss@h/x')).toBe(
      'postgres://alice:****@db:5432/alumni and postgresql://bob:****@h/x',
    );
  });

  it('leaves URLs without a password alone', () => {
    expect(maskSecrets('postgres://alice@db/alumni')).toBe('postgres://alice@db/alumni');
  });

  // Every form libpq (and node-postgres) reads a password from: none of them shows it.
  it.each([
    ['postgres://u:s3cret@h/db', 'postgres://u:****@h/db'],
    ['postgresql://u:s3cret@h:5432/db', 'postgresql://u:****@h:5432/db'],
    ['postgresql://:s3cret@h/db', 'postgresql://:****@h/db'],
    ['postgresql://u:s3%40cr%2Fet@h/db', 'postgresql://u:****@h/db'],
    ['postgresql://u:p@s3cret@h/db', 'postgresql://u:****@h/db'],
    ['postgresql://u:p?s3cret@h/db', 'postgresql://u:****@h/db'],
    ['postgresql://u:s3cret@h1:5432,h2:5433/db', 'postgresql://u:****@h1:5432,h2:5433/db'],
    ['postgresql://u:s3cret@[::1]:5432/db', 'postgresql://u:****@[::1]:5432/db'],
    ['postgresql://h/db?user=u&password=s3cret', 'postgresql://h/db?user=u&password=****'],
    ['postgresql://h/db?password=s3cret&user=u', 'postgresql://h/db?password=****&user=u'],
    ['postgresql://h/db?sslmode=disable&password=s3%26cret#x&user=u', 'postgresql://h/db?sslmode=disable&password=****&user=u'],
    ['postgresql://h/db?password=s3&cret&user=u', 'postgresql://h/db?password=****&user=u'],
    ['postgresql://h/db?PassWord=s3cret', 'postgresql://h/db?PassWord=****'],
    ['postgresql://h/db?pass%77ord=s3cret', 'postgresql://h/db?pass%77ord=****'],
    ['postgresql://h/db?sslpassword=s3cret', 'postgresql://h/db?sslpassword=****'],
    ['postgresql://u:s3cret@h/db?password=s3cret', 'postgresql://u:****@h/db?password=****'],
    ['postgresql://h:5432/db?application_name=a@b', 'postgresql://h:5432/db?application_name=a@b'],
    ['host=h password=s3cret dbname=d', 'host=h password=**** dbname=d'],
    ['host=h password = s3cret dbname=d', 'host=h password = **** dbname=d'],
    ["host=h password='s3 \\' cret' dbname=d", 'host=h password=**** dbname=d'],
    ['host=h password=s3\\ cret dbname=d', 'host=h password=**** dbname=d'],
    ["password='s3 cret", 'password=****'],
    ['host=h sslpassword=s3cret', 'host=h sslpassword=****'],
    ['PGPASSWORD=s3cret alumni doctor', 'PGPASSWORD=**** alumni doctor'],
    ['could not connect with "postgres://u:s3cret@h/db": refused', 'could not connect with "postgres://u:****@h/db": refused'],
  ])('masks %s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  // Messages quote values from files: when every character of a long word started a scan
  // to the word's end, 100 KB took about a minute (40 KB: 10 s); now a few milliseconds.
  // The bound is generous both ways (synchronous code: vitest's timeout cannot stop it).
  it('masks a message quoting a 100 KB value in well under 2 s', () => {
    const started = performance.now();
    for (const word of ['A', 'a.', 'password'])
      expect(maskSecrets(`${word.repeat(100_000 / word.length)} postgres://u:s3cret@h/db`)).toMatch(/ postgres:\/\/u:\*\*\*\*@h\/db$/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('masks a whole connection string, white space in its password too', () => {
    expect(maskConnectionString('postgres://u:s3 cret@h/db?password=s3 cret')).toBe('postgres://u:****@h/db?password=****');
    expect(maskConnectionString("host=h password='s3 cret'")).toBe('host=h password=****');
    expect(maskConnectionString('postgres://h/db')).toBe('postgres://h/db');
  });
});

describe('parseDatabaseUrl', () => {
  it('reads host, port and database', () => {
    expect(parseDatabaseUrl('postgres://u:p@db.example:6543/alumni')).toEqual({ host: 'db.example', port: 6543, database: 'alumni' });
    expect(parseDatabaseUrl('postgresql://u@localhost/x')).toMatchObject({ port: 5432 });
  });

  it.each(['not a url s3cret', 'mysql://u:s3cret@h/db', 'postgres://u:s3cret@h:port/db'])(
    'refuses %s with exit 2 and without the password',
    (url) => {
      let caught: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ exitCode: 2 });
      expect((caught as Error).message).not.toContain('s3cret');
    },
  );
});
