import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';

describe('alumni migrate and doctor against a PostgreSQL server', () => {
  let t: TestDatabase;
  afterEach(() => t.close());

  const platformExists = async () =>
    (await sql<{ exists: boolean }>`select to_regclass('public.utilisateur') is not null as exists`.execute(t.db)).rows[0]!.exists;

  it('other commands refuse a server that was never migrated; migrate then doctor report up to date', async () => {
    t = await createServerDatabase({ migrated: false });
    const refused = await runCli(['fixtures', 'load'], { env: t.env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('run `alumni migrate` first');
    expect(await platformExists()).toBe(false);

    const before = await runCli(['doctor'], { env: t.env });
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/pending migration\(s\).*run `alumni migrate`/);
    expect(await platformExists()).toBe(false);

    const migrated = await runCli(['migrate'], { env: t.env });
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toContain('Applied 20261124000100_schema_initial');
    expect(await platformExists()).toBe(true);

    const after = await runCli(['doctor'], { env: t.env });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^Pending migrations:\s+none$/m);
    const status = JSON.parse((await runCli(['migrate', 'status', '--json'], { env: t.env })).stdout);
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(0);
  });

  it('two migrate processes at once both succeed and apply each migration once', async () => {
    t = await createServerDatabase({ migrated: false });
    const [a, b] = await Promise.all([runCli(['migrate'], { env: t.env }), runCli(['migrate'], { env: t.env })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const { rows } = await sql<{ name: string; n: number }>`
      select name, count(*) as n from alumni_admin.kysely_migration group by name`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('down then up; down asks first, and off a terminal refuses without --yes', async () => {
    t = await createServerDatabase();
    const unasked = await runCli(['migrate', 'down'], { env: t.env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('give --yes to confirm');
    expect(await platformExists()).toBe(true);
    const status = JSON.parse((await runCli(['migrate', 'status', '--json'], { env: t.env })).stdout);
    for (let i = 0; i < status.applied.length; i += 1) expect((await runCli(['migrate', 'down', '--yes'], { env: t.env })).code).toBe(0);
    expect(await platformExists()).toBe(false);
    expect((await runCli(['migrate', 'up'], { env: t.env })).code).toBe(0);
    expect(await platformExists()).toBe(true);
  });

  it('refuses a schema newer than the tool, saying so', async () => {
    t = await createServerDatabase();
    await sql`insert into alumni_admin.kysely_migration (name, timestamp) values ('29991231000000_from_the_future', now()::text)`.execute(
      t.db,
    );
    for (const args of [['fixtures', 'load'], ['migrate'], ['users', 'list']]) {
      const result = await runCli(args, { env: t.env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/newer than this|does not know/);
    }
  });
});
