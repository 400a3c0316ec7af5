import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

const YES_NO_FORMS = 'use oui/non, yes/no, true/false or 1/0.';

/** Flag values read the same way by every command, on the demo data set. */
describe('flag values, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'direction@ecole.example' };
    expect((await runCli(['fixtures', 'load'], { env: t.env })).code).toBe(0);
  });
  afterAll(() => t.close());

  const json = async (args: string[]) => {
    const result = await runCli([...args, '--json'], { env });
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };
  const matricules = async (args: string[]) =>
    ((await json(['users', 'list', '--limit', '1000', ...args])).items as Array<{ matricule: string }>).map((u) => u.matricule);

  it('users list and export match --statut and --role in any case, with or without accents, as users add does', async () => {
    const students = await matricules(['--statut', 'etudiant']);
    expect(students.length).toBeGreaterThan(5);
    expect(await matricules(['--statut', 'Etudiant'])).toEqual(students);
    expect(await matricules(['--statut', 'ÉTUDIANT'])).toEqual(students);
    expect((await json(['users', 'export', '--statut', 'Étudiant'])).map((u: { matricule: string }) => u.matricule).sort()).toEqual(
      [...students].sort(),
    );
    const admins = await matricules(['--role', 'admin']);
    expect(admins.length).toBeGreaterThan(0);
    expect(await matricules(['--role', 'Admin'])).toEqual(admins);
    expect(await matricules(['--statut', 'Personnel Admin'])).toEqual(await matricules(['--statut', 'personnel_admin']));

    const refused = await runCli(['users', 'list', '--statut', 'eleve'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--statut "eleve": use one of etudiant, enseignant, directeur, personnel_admin, personnel_technique.');
  });

  it('yes/no flags take oui/non, yes/no, true/false, 1/0 in any case, and refuse anything else with exit 2', async () => {
    const working = await matricules(['--travailleur', 'oui']);
    expect(working.length).toBeGreaterThan(0);
    for (const word of ['OUI', 'Yes', 'TRUE', '1']) expect(await matricules(['--travailleur', word])).toEqual(working);
    expect(await matricules(['--actif', 'Non'])).toEqual(await matricules(['--actif', 'false']));

    const maybe = await runCli(['users', 'list', '--actif', 'peut-être'], { env });
    expect(maybe.code).toBe(2);
    expect(maybe.stdout).toBe('');
    expect(maybe.stderr).toContain(`--actif "peut-être": ${YES_NO_FORMS}`);
    // The roster's cell words (vrai, x) are not flag words: one vocabulary for flags.
    const vrai = await runCli(['users', 'add', '--nom', 'Vrai Faux', '--matricule', 'VF-1', '--travailleur', 'vrai', '--no-password'], {
      env,
    });
    expect(vrai.code).toBe(2);
    expect(vrai.stderr).toContain(`--travailleur "vrai": ${YES_NO_FORMS}`);
    expect(await countRows(t.db, 'utilisateur', sql`matricule = 'VF-1'`)).toBe(0);
  });

  it('users add --statut ÉTUDIANT stores etudiant; update and set-role read their values the same way', async () => {
    const added = await runCli(
      ['users', 'add', '--nom', 'Binta Fall', '--matricule', 'BF-1', '--statut', 'ÉTUDIANT', '--travailleur', 'Yes', '--no-password'],
      { env },
    );
    expect(added.code).toBe(0);
    const row = () =>
      t.db.selectFrom('utilisateur').select(['statut', 'role', 'travailleur']).where('matricule', '=', 'BF-1').executeTakeFirstOrThrow();
    expect(await row()).toEqual({ statut: 'etudiant', role: 'user', travailleur: true });

    expect((await runCli(['users', 'update', 'BF-1', '--statut', 'Personnel-Technique', '--travailleur', 'NON'], { env })).code).toBe(0);
    expect(await row()).toMatchObject({ statut: 'personnel_technique', travailleur: false });
    expect((await runCli(['users', 'set-role', 'BF-1', 'Admin'], { env })).code).toBe(0);
    expect(await row()).toMatchObject({ role: 'admin' });
    const unknown = await runCli(['users', 'set-role', 'BF-1', 'chef'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown role "chef": use one of user, admin, super_admin.');
  });

  it('validate and audit read queues, outcomes and actions the same way, and refuse others listing the values', async () => {
    expect(await json(['validate', 'history', '--queue', 'Formations', '--outcome', 'REJECTED'])).toHaveLength(1);
    expect(await json(['validate', 'list', 'ORGS'])).toEqual(await json(['validate', 'list', 'orgs']));
    const inserts = await json(['audit', 'list', '--action', 'Insert', '--limit', '5']);
    expect(inserts).toHaveLength(5);
    expect(inserts.every((e: { action: string }) => e.action === 'INSERT')).toBe(true);
    for (const [args, message] of [
      [['validate', 'history', '--outcome', 'pending'], '--outcome "pending": use one of approved, rejected, withdrawn.'],
      [['validate', 'list', 'offers'], 'Unknown queue "offers": use one of formations, groups, orgs.'],
      [['audit', 'list', '--action', 'upsert'], '--action "upsert": use one of insert, update, delete.'],
    ] as const) {
      const refused = await runCli([...args], { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
  });

  it('users import --mode reads its value the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-mode-'));
    const file = join(dir, 'mode.csv');
    writeFileSync(file, 'Nom;Matricule\r\nMode Insert;MODE-1\r\n');
    const insert = await runCli(['users', 'import', file, '--mode', 'INSERT', '--json'], { env, cwd: dir });
    expect(insert.code).toBe(0);
    expect(JSON.parse(insert.stdout)).toMatchObject({ inserted: 1 });
    const refused = await runCli(['users', 'import', file, '--mode', 'merge'], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--mode "merge": use one of upsert, insert, update.');
  });

  it('audit list --since: 30m is refused (exit 2, naming min and mo), 90min counts back ninety minutes', async () => {
    const ambiguous = await runCli(['audit', 'list', '--since', '30m'], { env });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toContain(
      '--since "30m": give a date (2026-01-31, 2026-01-31T08:00, 2026-01-31T08:00+01:00) or a duration back from now',
    );
    expect(ambiguous.stderr).toContain('"m" is ambiguous: write min or mo');
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);

    await sql`update audit_log set created_at = now() - interval '2 hours' where id in (select id from audit_log order by id limit 10)`.execute(
      t.db,
    );
    const recent = await countRows(t.db, 'audit_log', sql`created_at >= now() - interval '90 minutes'`);
    expect(recent).toBeGreaterThan(10);
    expect(await json(['audit', 'list', '--since', '90min', '--limit', '10000'])).toHaveLength(recent);
    expect(await json(['audit', 'list', '--since', '3 hours', '--limit', '10000'])).toHaveLength(recent + 10);
  });

  it('validate history --since/--until take the same durations, and ISO dates', async () => {
    const dates = async (args: string[]) => (await json(['validate', 'history', ...args])).length;
    // The demo's decisions are 0, 15, 20, 50, 100, 300 and 400 days old.
    expect(await dates(['--since', '2mo'])).toBe(4);
    expect(await dates(['--since', '1y', '--until', '2mo'])).toBe(2);
    expect(await dates(['--until', '1 year'])).toBe(1);
    expect(await dates(['--since', '90min'])).toBe(1);
    expect(await dates(['--since', '2000-01-01'])).toBe(7);
    for (const [flag, value] of [
      ['--since', '30m'],
      ['--until', '2026-02-30'],
      ['--since', 'yesterday'],
    ]) {
      const refused = await runCli(['validate', 'history', flag!, value!], { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${flag} "${value}": give a date`);
    }
  });

  it('jobs run purge-audit: --older-than 30m is refused, 6mo deletes exactly the entries older than six months', async () => {
    const ids = (await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(4).execute()).map((r) => r.id);
    const age = [
      sql`interval '6 months' + interval '1 day'`,
      sql`interval '400 days'`,
      sql`interval '6 months' - interval '1 day'`,
      sql`interval '5 months'`,
    ];
    for (const [i, id] of ids.entries()) await sql`update audit_log set created_at = now() - (${age[i]}) where id = ${id}`.execute(t.db);
    const total = await countRows(t.db, 'audit_log');

    const refusals = [
      [['--older-than', '30m'], env, '--older-than'],
      [[], { ...env, ALUMNI_AUDIT_RETENTION: '30m' }, 'ALUMNI_AUDIT_RETENTION'],
    ] as const;
    for (const [args, runEnv, source] of refusals) {
      const refused = await runCli(['jobs', 'run', 'purge-audit', ...args], { env: runEnv });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${source} "30m": give a duration, a whole number and min, h, d, w, mo or y`);
    }
    expect(await countRows(t.db, 'audit_log')).toBe(total);
    expect(await countRows(t.db, 'alumni_admin.job_run', sql`job = 'purge-audit'`)).toBe(0);

    const [run] = await json(['jobs', 'run', 'purge-audit', '--older-than', '6mo']);
    expect(run).toMatchObject({ status: 'ok', rows: { audit_log: 2 } });
    expect(await countRows(t.db, 'audit_log')).toBe(total - 2);
    expect(await countRows(t.db, 'audit_log', sql`id in (${sql.join(ids)})`)).toBe(2);
    expect(await countRows(t.db, 'audit_log', sql`id in (${sql.join(ids.slice(2))})`)).toBe(2);
    expect(await countRows(t.db, 'audit_log', sql`created_at < now() - interval '6 months'`)).toBe(0);
  });
});

describe('the first super_admin, with its role written in any case', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  it('users add --role Super_Admin needs no actor while none exists', async () => {
    const first = await runCli(
      ['users', 'add', '--nom', 'Fatou Sall', '--email', 'fatou@ecole.example', '--role', 'Super_Admin', '--no-password'],
      { env: t.env },
    );
    expect(first.stderr).not.toContain('error');
    expect(first.code).toBe(0);
    expect(await countRows(t.db, 'utilisateur', sql`role = 'super_admin'`)).toBe(1);
  });
});
