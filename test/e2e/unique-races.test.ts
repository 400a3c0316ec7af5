import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finished, startCli } from '../support/cli.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

describe('two sessions racing for one unique value, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Fatou Sall', email: 'fatou@ecole.example', role: 'super_admin' }).execute();
    env = { ...t.env, ALUMNI_ACTOR: 'fatou@ecole.example' };
  });
  afterAll(() => t.close());

  /** Sessions of this database waiting for a lock, as pg_stat_activity shows them. */
  const waiting = () => countRows(t.db, 'pg_stat_activity', sql`datname = current_database() and wait_event_type = 'Lock'`);

  it('two concurrent `users add` with one e-mail: one exits 0, the other 2 with a sentence, no "duplicate key"', async () => {
    // A third session holds an uncommitted row with that e-mail: both commands pass the
    // service's own check (they cannot see the row) and then wait on the unique index.
    // When it rolls back, one insert goes through and the other meets the constraint.
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(`insert into utilisateur (nom_complet, email) values ('Réservé', 'awa.ndiaye@ecole.example')`);
    const add = (name: string) =>
      startCli(['users', 'add', '--nom', name, '--email', 'Awa.Ndiaye@ecole.example', '--no-password', '--json'], { env });
    const children = [add('Awa Ndiaye'), add('Awa N.')];
    const results = children.map((child) => finished(child));
    // Both sessions wait on the blocker's uncommitted row before it rolls back.
    await vi.waitFor(async () => expect(await waiting()).toBe(2), { timeout: 20_000, interval: 50 });
    await blocker.query('rollback');
    await blocker.end();
    const [first, second] = await Promise.all(results);

    expect([first!.code, second!.code].sort()).toEqual([0, 2]);
    const loser = first!.code === 2 ? first! : second!;
    // Under --json the refusal is a JSON error object on stderr, with its stable code.
    expect(JSON.parse(loser.stderr)).toEqual({
      error: {
        code: 'database.constraint.idx_utilisateur_email',
        message: 'A user with e-mail awa.ndiaye@ecole.example already exists (see alumni users show awa.ndiaye@ecole.example).',
        values: { value: 'awa.ndiaye@ecole.example' },
      },
    });
    expect(loser.stdout).toBe('');
    expect(first!.stderr + second!.stderr).not.toMatch(/duplicate key/);
    expect(await countRows(t.db, 'utilisateur', sql`lower(email) = 'awa.ndiaye@ecole.example'`)).toBe(1);
  });
});
