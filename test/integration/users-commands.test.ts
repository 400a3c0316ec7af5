import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

const ESC = '\u001b[';
/** What the tool's own colours write (chalk, level 1): bold, cyan, red, yellow, green, and their ends. */
// eslint-disable-next-line no-control-regex -- the point is to find escapes
const TOOL_COLOURS = /\u001b\[(?:1|22|3[1-6]|39)m/g;
/** A control character a terminal would act on (line feeds aside), or a bidirectional control. */
// eslint-disable-next-line no-control-regex -- the point is to find controls
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const NO_DATABASE = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

/** users, in process through main(argv, io); each test seeds the users it reads. */
describe('users commands in process', () => {
  let t: TestDatabase;
  let asRoot: Record<string, string>;
  let asAdmin: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2023 }, { annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie civil' }])
      .execute();
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Fatou Sall', matricule: 'ROOT-1', email: 'fatou@ecole.example', role: 'super_admin' },
        { nom_complet: 'Jérôme Kaboré', matricule: 'ADM-1', email: 'jerome@ecole.example', role: 'admin' },
      ])
      .execute();
    asRoot = { ...t.env, ALUMNI_ACTOR: 'fatou@ecole.example' };
    asAdmin = { ...t.env, ALUMNI_ACTOR: 'ADM-1' };
  });
  afterAll(() => t.close());

  const seed = (matricules: string[], prefix: string) =>
    t.db
      .insertInto('utilisateur')
      .values(
        matricules.map((matricule, i) => ({ nom_complet: `${prefix} ${i}`, matricule, annee_sortie: 2024, travailleur: i % 2 === 0 })),
      )
      .execute();
  const row = (matricule: string) =>
    t.db
      .selectFrom('utilisateur')
      .select(['statut', 'role', 'annee_sortie', 'travailleur', 'domaine', 'est_actif'])
      .where('matricule', '=', matricule)
      .executeTakeFirst();

  it('lists a page as JSON {items, next_after}, the next one with --after, as CSV, and as a table', async () => {
    await seed(['LST-1', 'LST-2', 'LST-3'], 'Listé');
    const first = await runMain(['users', 'list', '--search', 'LST-', '--limit', '2', '--json'], { env: t.env });
    expect(first.code).toBe(0);
    const page = JSON.parse(first.stdout) as { items: Array<{ matricule: string }>; next_after: string | null };
    expect(page.items.map((u) => u.matricule)).toEqual(['LST-1', 'LST-2']);
    expect(page.next_after).toEqual(expect.any(String));
    const second = await runMain(['users', 'list', '--search', 'LST-', '--limit', '2', '--after', page.next_after!, '--json'], {
      env: t.env,
    });
    expect(JSON.parse(second.stdout)).toEqual({ items: [expect.objectContaining({ matricule: 'LST-3' })], next_after: null });

    const csv = await runMain(['users', 'list', '--search', 'LST-', '--csv'], { env: t.env });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('matricule,nom_complet,email,statut,role,annee_sortie,domaine,travailleur,est_actif');
    expect(lines).toHaveLength(4);

    const table = await runMain(['users', 'list', '--search', 'LST-', '--limit', '2'], { env: t.env, stdoutTTY: true });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Listé 1');
    expect(table.stdout).not.toContain('Listé 2');
    expect(table.stderr).toMatch(/More: alumni users list --after \S+ \(same filters\)/);

    // Not base64 JSON, or of the right shape with an id that is no uuid: both exit 2.
    const forged = Buffer.from(JSON.stringify(['Listé 1', 'not-an-id'])).toString('base64url');
    for (const cursor of ['garbage', forged]) {
      const refused = await runMain(['users', 'list', '--after', cursor], { env: t.env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--after "${cursor}" is not a cursor printed by this list.`);
    }
  });

  it('filters by enum and yes/no values, and refuses bad ones before opening the database', async () => {
    await seed(['FLT-1', 'FLT-2', 'FLT-3'], 'Filtré');
    const working = await runMain(
      ['users', 'list', '--search', 'FLT-', '--travailleur', 'Oui', '--statut', 'Étudiant', '--annee', '2024', '--json'],
      { env: t.env },
    );
    expect((JSON.parse(working.stdout) as { items: Array<{ matricule: string }> }).items.map((u) => u.matricule)).toEqual([
      'FLT-1',
      'FLT-3',
    ]);
    for (const [args, message] of [
      [['--annee', '24'], '--annee "24": give a year such as 2024.'],
      [['--actif', 'peut-être'], '--actif "peut-être": use oui/non, yes/no, true/false or 1/0.'],
      [['--role', 'chef'], '--role "chef": use one of user, admin, super_admin.'],
      [['--limit', '0'], '--limit "0": give a whole number from 1 to 10000.'],
    ] as const) {
      const refused = await runMain(['users', 'list', ...args], { env: NO_DATABASE });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(message);
    }
  });

  it('shows a user by matricule or e-mail in any case; 4 for none, 2 for a REF that names two users', async () => {
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Awa Ndiaye', matricule: 'SHW-1', email: 'awa@exemple.sn' },
        { nom_complet: 'Autre Awa', matricule: 'awa@exemple.sn' },
      ])
      .execute();
    const shown = await runMain(['users', 'show', 'SHW-1', '--json'], { env: t.env });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ matricule: 'SHW-1', has_password: false });
    expect(shown.stdout).not.toContain('mot_de_passe');
    const fields = await runMain(['users', 'show', 'SHW-1'], { env: t.env });
    expect(fields.stdout).toMatch(/^Full name: +Awa Ndiaye$/m);

    const none = await runMain(['users', 'show', 'personne@exemple.sn'], { env: t.env });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('No user "personne@exemple.sn" (give an id, an e-mail or a matricule).');
    const both = await runMain(['users', 'show', 'awa@exemple.sn'], { env: t.env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('"awa@exemple.sn" names several users: Autre Awa <awa@exemple.sn>');
    expect(both.stderr).toContain('Awa Ndiaye <awa@exemple.sn>');
  });

  it('adds and updates with enum and yes/no values; an empty --annee or --travailleur clears it', async () => {
    const added = await runMain(
      [
        'users',
        'add',
        '--nom',
        'Binta Fall',
        '--matricule',
        'ADD-1',
        '--statut',
        'Personnel Admin',
        '--travailleur',
        'Yes',
        '--annee',
        '2024',
        '--domaine',
        'genie CIVIL',
        '--no-password',
      ],
      { env: asAdmin },
    );
    expect(added.stderr).toContain('Created Binta Fall (ADD-1).');
    expect(added.code).toBe(0);
    expect(await row('ADD-1')).toEqual({
      statut: 'personnel_admin',
      role: 'user',
      annee_sortie: 2024,
      travailleur: true,
      domaine: 'Génie civil',
      est_actif: true,
    });

    const updated = await runMain(['users', 'update', 'ADD-1', '--statut', 'ENSEIGNANT', '--travailleur', '', '--annee', '', '--json'], {
      env: asAdmin,
    });
    expect(updated.stderr).toBe('');
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ matricule: 'ADD-1', statut: 'enseignant', travailleur: null, annee_sortie: null });
    expect(await row('ADD-1')).toMatchObject({ statut: 'enseignant', travailleur: null, annee_sortie: null });

    const unknownYear = await runMain(['users', 'update', 'ADD-1', '--annee', '1990'], { env: asAdmin });
    expect(unknownYear.code).toBe(2);
    expect(unknownYear.stderr).toContain('Graduation year 1990 is not among the reference years.');
    const nothing = await runMain(['users', 'update', 'ADD-1'], { env: asAdmin });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Nothing to update');
    const promoted = await runMain(['users', 'add', '--nom', 'Promu', '--matricule', 'ADD-2', '--role', 'Admin', '--no-password'], {
      env: asAdmin,
    });
    expect(promoted.code).toBe(77);
    expect(await row('ADD-2')).toBeUndefined();
  });

  it('reads an e-mail as the standards have it: an internationalised domain in either spelling, dot-atom errors refused (exit 2)', async () => {
    const added = await runMain(
      ['users', 'add', '--nom', 'Fatou Diop', '--matricule', 'IDN-1', '--email', 'fatou@école.sn', '--no-password'],
      {
        env: asAdmin,
      },
    );
    expect(added.code).toBe(0);
    const shown = await runMain(['users', 'show', 'FATOU@xn--cole-9oa.SN', '--json'], { env: t.env });
    expect(JSON.parse(shown.stdout)).toMatchObject({ matricule: 'IDN-1', email: 'fatou@xn--cole-9oa.sn' });
    expect(JSON.parse((await runMain(['users', 'show', 'fatou@ÉCOLE.sn', '--json'], { env: t.env })).stdout)).toMatchObject({
      matricule: 'IDN-1',
    });
    const dots = await runMain(
      ['users', 'add', '--nom', 'Issa', '--matricule', 'IDN-2', '--email', 'issa..diallo@gmail.com', '--no-password'],
      {
        env: asAdmin,
      },
    );
    expect(dots.code).toBe(2);
    expect(dots.stderr).toContain('E-mail "issa..diallo@gmail.com" is not a valid address (two dots in a row).');
    expect(await row('IDN-2')).toBeUndefined();
  });

  it('users update --matricule "" on a user without e-mail: exit 2, a sentence naming both fields, nothing written', async () => {
    await seed(['IDT-1'], 'Identifiable');
    const before = await t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', 'IDT-1').executeTakeFirstOrThrow();
    const refused = await runMain(['users', 'update', 'IDT-1', '--matricule', ''], { env: asAdmin });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: A user needs a matricule or an e-mail; this change would leave the account with neither.\n',
    });
    expect(await t.db.selectFrom('utilisateur').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow()).toEqual(before);
    // With an e-mail given at the same time, the matricule goes.
    const swapped = await runMain(['users', 'update', 'IDT-1', '--matricule', '', '--email', 'idt@ecole.example'], { env: asAdmin });
    expect(swapped.code).toBe(0);
    expect(
      await t.db.selectFrom('utilisateur').select(['matricule', 'email']).where('id', '=', before.id).executeTakeFirstOrThrow(),
    ).toEqual({
      matricule: null,
      email: 'idt@ecole.example',
    });
  });

  it('sets a role as a super_admin only, reading the role in any case', async () => {
    await seed(['ROL-1'], 'Rôle');
    const byAdmin = await runMain(['users', 'set-role', 'ROL-1', 'admin'], { env: asAdmin });
    expect(byAdmin.code).toBe(77);
    const set = await runMain(['users', 'set-role', 'ROL-1', 'Super-Admin'], { env: asRoot });
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('Role set to super_admin.');
    expect(await row('ROL-1')).toMatchObject({ role: 'super_admin' });
    const again = await runMain(['users', 'set-role', 'ROL-1', 'super_admin'], { env: asRoot });
    expect(again.stderr).toContain('Already so: nothing changed.');
    const unknown = await runMain(['users', 'set-role', 'ROL-1', 'chef'], { env: NO_DATABASE });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown role "chef": use one of user, admin, super_admin.');
  });

  it('deactivates and reactivates, never oneself', async () => {
    await seed(['ACT-1'], 'Actif');
    expect((await runMain(['users', 'deactivate', 'ACT-1'], { env: asAdmin })).code).toBe(0);
    expect(await row('ACT-1')).toMatchObject({ est_actif: false });
    expect((await runMain(['users', 'activate', 'act-1'], { env: asAdmin })).code).toBe(4);
    expect((await runMain(['users', 'activate', 'ACT-1'], { env: asAdmin })).code).toBe(0);
    expect(await row('ACT-1')).toMatchObject({ est_actif: true });
    const self = await runMain(['users', 'deactivate', 'jerome@ecole.example'], { env: asAdmin });
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('You cannot deactivate yourself');
  });

  it('imports a small roster with --json, and lists it in the ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-users-import-'));
    const file = join(dir, 'petit.csv');
    writeFileSync(file, 'Nom;Matricule;Année\r\nIssa Diallo;IMP-1;2023\r\nNdeye Sy;IMP-2;2024\r\n');
    const imported = await runMain(['users', 'import', file, '--mode', 'Insert', '--batch-size', '1', '--json'], { env: asAdmin });
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.stdout) as { inserted: number; rejected: number; import_id: string };
    expect(summary).toMatchObject({ read: 2, inserted: 2, rejected: 0, dry_run: false });
    expect(await row('IMP-2')).toMatchObject({ annee_sortie: 2024 });

    const ledger = await runMain(['users', 'imports', '--limit', '5', '--json'], { env: t.env });
    expect(JSON.parse(ledger.stdout)).toEqual([
      expect.objectContaining({ id: summary.import_id, acteur: 'jerome@ecole.example', mode: 'insert', inserted: 2 }),
    ]);
    const csv = await runMain(['users', 'imports', '--csv'], { env: t.env });
    expect(csv.stdout.split('\n')[0]).toBe('started_at,file,by,mode,status,read,ins.,upd.,same,skip,rej.,id');

    for (const [args, message] of [
      [['--batch-size', '0'], '--batch-size "0": give a whole number'],
      [['--map', 'Nom'], `--map "Nom": write it as 'Header=field'.`],
      [['--country', 'SEN'], '--country "SEN": give a two-letter country code'],
    ] as const) {
      const refused = await runMain(['users', 'import', file, ...args], { env: NO_DATABASE });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
  });

  it('an import shows the escapes of a file: its name in the ledger, an unknown column in the warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-users-import-'));
    const file = join(dir, 'ro\u001b]0;pwned\u0007ster.csv');
    writeFileSync(file, 'Nom;Matricule;Note\u001b[31m\r\nIssa \u202eDiallo;ESCIMP-1;x\r\n');
    // stderr no terminal: no progress bar, whose cursor movements are the tool's own.
    const imported = await runMain(['users', 'import', file], { env: asAdmin, stdoutTTY: true });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Ignoring unknown column(s): Note\\x1b[31m.');
    const ledger = await runMain(['users', 'imports', '--limit', '1'], { env: t.env, stdoutTTY: true, columns: 200 });
    expect(ledger.stdout).toContain('ro\\x1b]0;pwned\\x07ster.csv');
    for (const text of [imported.stdout, imported.stderr, ledger.stdout]) expect(text.replace(TOOL_COLOURS, '')).not.toMatch(RAW_CONTROL);
  });

  it('colours a terminal stderr only, never a redirected stdout', async () => {
    await seed(['TTY-1'], 'Terminal');
    const refused = await runMain(['users', 'show', 'TTY-0'], { env: t.env, stderrTTY: true });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(ESC);
    const plain = await runMain(['users', 'show', 'TTY-0'], { env: t.env, stderrTTY: false });
    expect(plain.stderr).not.toContain(ESC);
    const table = await runMain(['users', 'list', '--search', 'TTY-'], { env: t.env, stdoutTTY: false, stderrTTY: true });
    expect(table.stdout).toContain('TTY-1');
    expect(table.stdout).not.toContain(ESC);
  });

  it('shows the control characters of a roster cell escaped in show, list and errors, terminal or not; JSON escapes them as JSON does, CSV keeps them', async () => {
    const nom = 'Awa \u001b[0;31mRED\u001b]0;pwned\u0007 \u202eevil';
    const titre = 'Ingénieure\u009b2J\tcivile';
    await t.db.insertInto('utilisateur').values({ nom_complet: nom, titre, matricule: 'ESC-1' }).execute();
    for (const tty of [true, false]) {
      for (const argv of [
        ['users', 'show', 'ESC-1'],
        ['users', 'list', '--search', 'ESC-'],
      ]) {
        // Wide enough that the table cuts no cell: the escapes are what is checked here.
        const run = await runMain(argv, { env: t.env, stdoutTTY: tty, stderrTTY: tty, columns: 250 });
        expect(run.code).toBe(0);
        // Off a terminal a list is tab-separated: its tabs are the separators (a tab in data is escaped).
        expect(run.stdout.replace(TOOL_COLOURS, '').replace(/\t/g, ' ')).not.toMatch(RAW_CONTROL);
        expect(run.stdout).toContain('Awa \\x1b[0;31mRED\\x1b]0;pwned\\x07 \\u202eevil');
      }
    }
    const record = await runMain(['users', 'show', 'ESC-1'], { env: t.env });
    expect(record.stdout).toMatch(/^Title: +Ingénieure\\x9b2J\\tcivile$/m);

    const json = await runMain(['users', 'show', 'ESC-1', '--json'], { env: t.env });
    expect(json.stdout).toContain('Awa \\u001b[0;31mRED\\u001b]0;pwned\\u0007 \u202eevil');
    expect(JSON.parse(json.stdout)).toMatchObject({ nom_complet: nom, titre });
    const csv = await runMain(['users', 'list', '--search', 'ESC-', '--csv'], { env: t.env });
    expect(csv.stdout).toContain(`ESC-1,${nom},`);

    const missing = await runMain(['users', 'show', '\u001b[31mX\u001b]0;pwned\u0007'], { env: t.env, stderrTTY: true });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('No user "\\x1b[31mX\\x1b]0;pwned\\x07"');
    expect(missing.stderr.replace(TOOL_COLOURS, '')).not.toMatch(RAW_CONTROL);

    // An unknown option, echoed by Commander's own error.
    const refused = await runMain(['users', 'list', '--x\u001b]0;pwned\u0007'], { env: NO_DATABASE, stderrTTY: true });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("unknown option '--x\\x1b]0;pwned\\x07'");
    expect(refused.stderr).not.toMatch(RAW_CONTROL);
  });
});
