import { describe, expect, it } from 'vitest';
import { maskSecrets, parseDatabaseUrl } from '../../src/db/url.js';

describe('maskSecrets', () => {
  it('masks the password of every connection URL in a text', () => {
    expect(maskSecrets('postgres://alice:s3cret@db:5432/alumni and postgresql://bob:p%40ss@h/x')).toBe(
      'postgres://alice:****@db:5432/alumni and postgresql://bob:****@h/x',
    );
  });

  it('leaves URLs without a password alone', () => {
    expect(maskSecrets('postgres://alice@db/alumni')).toBe('postgres://alice@db/alumni');
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
