import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { startInPty } from '../support/pty.js';

/** French's thousands separator (a narrow no-break space). */
const NNBSP = '\u202f';

/**
 * The users commands in French (--lang fr, or a French locale): help pages, refusals
 * with their exit codes, successes, table headers and record labels; JSON and CSV the
 * same bytes in both languages.
 */
describe('users in French', () => {
  let t: TestDatabase;
  let asRoot: Record<string, string>;
  let asAdmin: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2024 }])
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
        { nom_complet: 'Awa Ndiaye', matricule: 'FR-1', email: 'awa@exemple.sn', annee_sortie: 2024, travailleur: true },
        { nom_complet: 'Moussa Diop', matricule: 'FR-2', travailleur: false },
      ])
      .execute();
    asRoot = { ...t.env, ALUMNI_ACTOR: 'fatou@ecole.example' };
    asAdmin = { ...t.env, ALUMNI_ACTOR: 'ADM-1' };
  });
  afterAll(() => t.close());

  it('help pages: the commands and their options described in French', async () => {
    const group = await runMain(['users', '--help', '--lang', 'fr']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('comptes des diplômés et du personnel');
    expect(group.stdout).toContain('lister les utilisateurs, page par page');
    expect(group.stdout).toContain('anonymiser une personne');
    const add = await runMain(['users', 'add', '--help', '--lang', 'fr']);
    expect(add.stdout).toContain('--nom <name>');
    expect(add.stdout).toContain('nom complet');
    expect(add.stdout).toMatch(/--password-stdin\s+lire le mot de passe sur l'entrée standard/);
    const list = await runMain(['users', 'list', '--help', '--lang', 'fr']);
    expect(list.stdout).toMatch(/--actif <oui\|non>\s+comptes actifs ou désactivés/);
    const setRole = await runMain(['users', 'set-role', '--help', '--lang', 'fr']);
    expect(setRole.stdout).toContain('identifiant, e-mail ou matricule');
    const english = await runMain(['users', '--help', '--lang', 'en']);
    expect(english.stdout).toContain('graduates and staff accounts');
    expect(english.stdout).not.toContain('comptes des diplômés');
  });

  it('a list: French headers above the table, oui/non in its cells; the CSV header and JSON unchanged', async () => {
    const table = await runMain(['users', 'list', '--search', 'FR-', '--columns', 'all', '--lang', 'fr'], {
      env: { ...t.env, NO_COLOR: '1' },
      stdoutTTY: true,
      columns: 200,
    });
    expect(table.code).toBe(0);
    const header = table.stdout.split('\n')[0]!;
    for (const label of ['Matricule', 'Nom complet', 'E-mail', 'Statut', 'Rôle', 'Promo', 'Domaine', 'En emploi', 'Actif']) {
      expect(header).toContain(label);
    }
    expect(table.stdout).not.toContain('nom_complet');
    expect(table.stdout).toMatch(/FR-1 .* oui {2,}oui$/m);
    expect(table.stdout).toMatch(/FR-2 .* non {2,}oui$/m);
    const csv = await runMain(['users', 'list', '--search', 'FR-', '--csv', '--lang', 'fr'], { env: t.env });
    expect(csv.stdout.split('\n')[0]).toBe('matricule,nom_complet,email,statut,role,annee_sortie,domaine,travailleur,est_actif');
    expect(csv.stdout).toContain('FR-1,Awa Ndiaye,awa@exemple.sn,etudiant,user,2024,,true,true');
    const paged = await runMain(['users', 'list', '--search', 'FR-', '--limit', '1', '--lang', 'fr'], { env: t.env });
    expect(paged.stderr).toMatch(/^Suite : alumni users list --after \S+ \(mêmes filtres\)$/m);
  });

  it('a record: French labels, oui/non, a French date; a success line in French', async () => {
    const shown = await runMain(['users', 'show', 'FR-1', '--lang', 'fr'], { env: { ...t.env, NO_COLOR: '1' }, stdoutTTY: true });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Nom complet : +Awa Ndiaye$/m);
    expect(shown.stdout).toMatch(/^Année de sortie : +2024$/m);
    expect(shown.stdout).toMatch(/^En emploi : +oui$/m);
    expect(shown.stdout).toMatch(/^Mot de passe défini : +non$/m);
    expect(shown.stdout).toMatch(/^Créé le : +\d{1,2} [a-zéû]+\.? \d{4} à \d{2}:\d{2}$/m);
    const updated = await runMain(['users', 'update', 'FR-2', '--titre', 'Ingénieur', '--lang', 'fr'], { env: asRoot });
    expect(updated).toMatchObject({ code: 0, stderr: '✔ Compte modifié.\n' });
    expect(updated.stdout).toMatch(/^Titre : +Ingénieur$/m);
    const again = await runMain(['users', 'update', 'FR-2', '--titre', 'Ingénieur', '--lang', 'fr'], { env: asRoot });
    expect(again.stderr).toBe("✔ Rien n'a changé : les valeurs étaient déjà celles-ci.\n");
    const added = await runMain(['users', 'add', '--nom', 'Binta Fall', '--matricule', 'FR-3', '--no-password', '--lang', 'fr'], {
      env: asRoot,
    });
    expect(added).toMatchObject({ code: 0, stderr: '✔ Compte créé : Binta Fall (FR-3).\n' });
    const promoted = await runMain(['users', 'set-role', 'FR-3', 'Admin', '--lang', 'fr'], { env: asRoot });
    expect(promoted).toMatchObject({ code: 0, stderr: '✔ Nouveau rôle : admin.\n' });
    expect(promoted.stdout).toMatch(/^Rôle : +admin$/m);
  });

  it('refusals in French with their exit codes, the flags named as the command spells them', async () => {
    const cases: Array<[string[], Record<string, string>, number, string]> = [
      [['users', 'update', 'FR-1', '--annee', '1990'], asRoot, 2, "L'année de sortie 1990 ne fait pas partie des années de référence."],
      [
        ['users', 'update', 'FR-1', '--domaine', 'Télécoms'],
        asRoot,
        2,
        'Le domaine « Télécoms » ne fait pas partie des domaines de référence.',
      ],
      [['users', 'update', 'FR-1', '--nom', '  '], asRoot, 2, "Il faut un nom à l'utilisateur : --nom est vide."],
      [['users', 'add', '--matricule', 'FR-9', '--no-password'], asRoot, 2, "Il faut un nom à l'utilisateur : indiquez --nom."],
      [
        ['users', 'add', '--nom', 'Sans Identifiant', '--no-password'],
        asRoot,
        2,
        "Il faut un matricule ou un e-mail à l'utilisateur : indiquez --matricule ou --email.",
      ],
      [['users', 'update', 'FR-2', '--matricule', 'FR-1'], asRoot, 2, 'Le matricule FR-1 appartient à un autre utilisateur (FR-1).'],
      [['users', 'update', 'FR-2'], asRoot, 2, 'Rien à modifier : indiquez au moins un champ (voir alumni users update --help).'],
      [
        ['users', 'update', 'ROOT-1', '--titre', 'X'],
        asAdmin,
        77,
        'Ce compte a le rôle super_admin ; seul un super_admin peut modifier son nom, son e-mail, son matricule ou ses autres informations.',
      ],
      [['users', 'set-role', 'FR-1', 'chef'], asRoot, 2, 'Rôle inconnu : « chef ». Valeurs possibles : user, admin, super_admin.'],
      [
        ['users', 'deactivate', 'ROOT-1'],
        asRoot,
        2,
        'Vous ne pouvez pas désactiver votre propre compte ; demandez à un autre administrateur.',
      ],
      [
        ['users', 'activate', 'FR-1'],
        t.env,
        77,
        'Cette commande modifie des données : indiquez quel administrateur vous êtes avec --as EMAIL|MATRICULE ou ALUMNI_ACTOR.',
      ],
      [
        ['--as', 'FR-2', 'users', 'activate', 'FR-1'],
        t.env,
        77,
        "L'utilisateur « FR-2 » a le rôle « user » ; seuls admin et super_admin peuvent modifier des données.",
      ],
      [['users', 'erase', 'FR-2'], asRoot, 2, 'Pas de terminal pour le demander : ajoutez --yes pour confirmer.'],
      [['users', 'erase', 'ROOT-1', '--dry-run'], asAdmin, 77, "Ce compte a le rôle super_admin ; seul un super_admin peut l'effacer."],
      [['users', 'export', '--excel', '--json'], t.env, 2, "--excel écrit du CSV et --json du JSON : choisissez l'un des deux."],
    ];
    for (const [argv, env, code, message] of cases) {
      const refused = await runMain([...argv, '--lang', 'fr'], { env });
      expect({ argv, code: refused.code, stdout: refused.stdout }).toEqual({ argv, code, stdout: '' });
      if (argv.includes('--json')) expect(JSON.parse(refused.stderr).error.message).toBe(message);
      else {
        expect(refused.stderr).toMatch(/^erreur : /);
        expect(refused.stderr).toContain(message);
      }
    }
  });

  it('--verbose shows the stable code; under --json the error object has the same code and values in both languages', async () => {
    const verbose = await runMain(['users', 'update', 'ROOT-1', '--titre', 'X', '--verbose', '--lang', 'fr'], { env: asAdmin });
    expect(verbose.stderr).toContain('code : users.permission.protected');
    const errors = await Promise.all(
      ['fr', 'en'].map(async (lang) => {
        const run = await runMain(['users', 'update', 'FR-1', '--annee', '1990', '--json', '--lang', lang], { env: asRoot });
        expect(run.code).toBe(2);
        return JSON.parse(run.stderr).error as { code: string; message: string; values: unknown };
      }),
    );
    expect(errors[0]).toMatchObject({ code: 'users.year_not_listed', values: { year: 1990 } });
    expect(errors[1]).toMatchObject({ code: errors[0]!.code, values: errors[0]!.values });
    expect(errors[1]!.message).toBe('Graduation year 1990 is not among the reference years.');
  });

  it('erase --dry-run and export-data: French words for the changes and the sections; counts as French writes them', async () => {
    const dry = await runMain(['users', 'erase', 'FR-1', '--dry-run', '--lang', 'fr'], { env: asRoot });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Compte : +Nom complet, Matricule, E-mail/m);
    expect(dry.stderr).toBe("Simulation : rien n'a été modifié.\n");
    const summary = await runMain(['users', 'export-data', 'FR-1', '--lang', 'fr'], { stdoutTTY: true, env: { ...t.env, NO_COLOR: '1' } });
    expect(summary.stdout).toMatch(/^Nom complet : +Awa Ndiaye$/m);
    expect(summary.stdout).toMatch(/^offres publiées : +0$/m);
    expect(summary.stderr).toContain('Le document complet : alumni users export-data FR-1 --json > personne.json');
    const exported = await runMain(['users', 'export', '--search', 'FR-', '--lang', 'fr'], { env: t.env });
    expect(exported.stderr).toMatch(/^\d utilisateurs exportés\.$/m);
  });

  it('--json output is byte for byte the same in French and in English', async () => {
    const commands: Array<[string[], Record<string, string>]> = [
      [['users', 'list', '--search', 'FR-', '--json'], t.env],
      [['users', 'show', 'FR-1', '--json'], t.env],
      [['users', 'export', '--search', 'FR-', '--json'], t.env],
      [['users', 'export', '--search', 'FR-'], t.env],
      [['users', 'export', '--search', 'FR-', '--excel'], t.env],
      [['users', 'export-data', 'FR-1', '--json'], t.env],
      [['users', 'erase', 'FR-1', '--dry-run', '--json'], asRoot],
      [['users', 'activate', 'FR-1', '--json'], asRoot],
    ];
    for (const [argv, env] of commands) {
      const [fr, en] = await Promise.all(['fr', 'en'].map((lang) => runMain([...argv, '--lang', lang], { env })));
      expect(fr!.code).toBe(0);
      expect({ argv, stdout: fr!.stdout }).toEqual({ argv, stdout: en!.stdout });
    }
  });

  it('LANG=fr_FR.UTF-8 gives French (the built CLI), LANG=C English; numbers as each language writes them', async () => {
    const env = { ...asRoot, LANG: 'fr_FR.UTF-8' };
    const long = await runCli(['users', 'update', 'FR-1', '--password-stdin'], { env, input: `${'a'.repeat(1100)}\n` });
    expect(long.code).toBe(2);
    expect(long.stderr).toBe(
      `erreur : Le mot de passe lu par --password-stdin est refusé : le mot de passe fait au plus 1${NNBSP}024 octets (UTF-8).\n`,
    );
    const short = await runCli(['users', 'update', 'FR-1', '--password-stdin'], { env, input: 'court\n' });
    expect(short.stderr).toBe(
      'erreur : Le mot de passe lu par --password-stdin est refusé : le mot de passe doit compter au moins 8 caractères.\n',
    );
    const english = await runCli(['users', 'update', 'FR-1', '--password-stdin'], { env: { ...env, LANG: 'C' }, input: 'court\n' });
    expect(english.stderr).toBe('error: The password from --password-stdin is refused: a password needs at least 8 characters.\n');
  });

  it('on a terminal users erase asks in French and takes « oui » for yes', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Ndeye Faye', matricule: 'FR-ERASE' }).execute();
    const pty = startInPty(['users', 'erase', 'FR-ERASE'], { ...asRoot, LANG: 'fr_FR.UTF-8' });
    try {
      const at = await pty.waitFor(/Effacer définitivement FR-ERASE [\s\S]*\(o\/N\)/);
      pty.type('oui\r');
      await pty.waitFor(/Données effacées ; le compte [0-9a-f-]{36} reste, inactif, pour les statistiques et l'audit\./, at);
      expect(await pty.exited).toBe(0);
    } finally {
      pty.kill();
    }
    const erased = await t.db.selectFrom('utilisateur').select('efface_le').where('nom_complet', '=', 'Compte effacé').execute();
    expect(erased).toHaveLength(1);
  });

  it('on a terminal the password is asked in French, its rule said in French', async () => {
    const pty = startInPty(['users', 'add', '--nom', 'Khady Sow', '--matricule', 'FR-PTY'], { ...asRoot, LANG: 'fr_FR.UTF-8' });
    try {
      let at = await pty.waitFor(/Mot de passe/);
      pty.type('court\r');
      at = await pty.waitFor(/Le mot de passe doit compter au moins 8 caractères\./, at);
      pty.type('\u0015motdepasse-1\r');
      await pty.waitFor(/Mot de passe \(confirmation\)/, at);
      pty.type('autre-chose\r');
      expect(await pty.exited).toBe(2);
      expect(pty.screen).toContain("Les deux mots de passe diffèrent ; rien n'a été modifié.");
    } finally {
      pty.kill();
    }
  });
});
