import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enOffers from '../../src/i18n/en/offers.js';
import enOrgs from '../../src/i18n/en/orgs.js';
import { runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

/** The English sentences of the two areas (plain strings long enough to be sentences, not labels). */
const ENGLISH = [...Object.values(enOrgs), ...Object.values(enOffers)].filter(
  (message): message is string => typeof message === 'string' && message.length > 12,
);

/** `orgs` and `offers` in French: refusals, successes, tables, help; machine output the same in both languages. */
describe('orgs and offers in French', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let formation: string;
  const fr = (args: string[]) => runMain(['--lang', 'fr', ...args], { env });
  const en = (args: string[]) => runMain(['--lang', 'en', ...args], { env });
  /** On a wide terminal: tables with their headers, values as a person reads them. */
  const frOnTerminal = (args: string[]) =>
    runMain(['--lang', 'fr', ...args], { env: { ...env, NO_COLOR: '1' }, stdoutTTY: true, columns: 250 });
  /** French output holds none of the areas' English sentences. */
  const noEnglish = (text: string) => {
    for (const sentence of ENGLISH) expect(text).not.toContain(sentence);
  };

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
        { nom_complet: 'Koffi Mensah', matricule: 'KM-1', email: 'koffi@exemple.bj' },
      ])
      .execute();
    const added = await fr(['orgs', 'add', '--nom', 'Orange Bénin', '--type', 'entreprise', '--site-web', 'https://orange.bj']);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stderr).toBe('✔ Orange Bénin ajoutée (active).\n');
    expect(added.stdout).toMatch(/^Nom : +Orange Bénin$/m);
    noEnglish(added.stdout + added.stderr);
    await fr(['orgs', 'add', '--nom', 'ORANGE BENIN S.A.', '--type', 'entreprise', '--site-web', 'https://www.orange.bj']);
    await fr(['orgs', 'contacts', 'add', 'Orange Bénin', 'KM-1', '--role', 'contact_rh', '--principal', '--debut', '2024-01-15']);
    const paid = await frOnTerminal([
      'offers',
      'add',
      '--type',
      'formation',
      '--titre',
      'Formation Kotlin',
      '--type-formation',
      'hybride',
      '--prix',
      '25 000',
      '--devise',
      'xof',
      '--org',
      'Orange Bénin',
      '--fin',
      '2099-06-30',
    ]);
    expect(paid.code).toBe(0);
    // The CFA franc without decimals, a narrow no-break space between thousands.
    expect(paid.stdout).toMatch(/^Prix : +25\u202f000 FCFA$/m);
    expect(paid.stdout).toMatch(/^Fin : +30 juin 2099$/m);
    expect(paid.stderr).toMatch(/^✔ Formation « Formation Kotlin » ajoutée \(en_attente\)\. Elle attend un modérateur : alumni validate/);
    formation = (await t.db.selectFrom('formation').select('id').executeTakeFirstOrThrow()).id;
    await sql`
      insert into emploi (titre, type_emploi, date_publication, date_expiration, email_contact)
      values ('Comptable', 'hybride', current_date - 3, current_date + 2, 'rh@orange.bj')`.execute(t.db);
  });
  afterAll(() => t.close());

  it('refusals: the service names fields, the command its flags, in French, with the exit code', async () => {
    const refusals: Array<[string[], number, string]> = [
      [
        ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-emploi', 'hybride'],
        2,
        'erreur : Un stage doit avoir son type : indiquez --type-stage (parmi : ouvrier, academique, professionnel).\n',
      ],
      [
        ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--prix', '10'],
        2,
        'erreur : --prix : seule une formation a un prix ; cette offre est un stage.\n',
      ],
      [
        ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--prix', '10'],
        2,
        "erreur : Un prix doit avoir sa devise : indiquez --devise (par exemple XOF ou EUR) ; rien n'a été enregistré.\n",
      ],
      [
        ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--prix', '-1'],
        2,
        'erreur : --prix « -1 » est négatif ; un prix vaut 0 ou plus.\n',
      ],
      [
        ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--devise', 'EURO'],
        2,
        "erreur : --devise « EURO » n'est pas un code de devise ISO 4217 (par exemple XOF, EUR ou USD).\n",
      ],
      [
        ['offers', 'list', '--from', '2026-03-01', '--to', '2026-02-01'],
        2,
        'erreur : --from 2026-03-01 est postérieur à --to 2026-02-01 ; donnez un --from antérieur ou égal à --to.\n',
      ],
      [
        ['offers', 'show', 'abc'],
        2,
        "erreur : ID « abc » n'est pas un identifiant d'offre (donnez l'identifiant qu'affiche offers list, par exemple 5f0c…-…).\n",
      ],
      [
        ['offers', 'close', formation],
        2,
        `erreur : ${formation} est une formation : une formation n'est pas pourvue, elle ne peut donc pas être clôturée (seul un stage ou un emploi passe à pourvue) ; rien n'a été modifié.\n`,
      ],
      [
        ['offers', 'show', '00000000-0000-4000-8000-000000000000'],
        4,
        "erreur : Aucune offre « 00000000-0000-4000-8000-000000000000 » (donnez l'identifiant d'une offre, tel que alumni offers list l'affiche).\n",
      ],
      [['orgs', 'update', 'Orange Bénin'], 2, 'erreur : Rien à modifier : indiquez au moins un champ (voir alumni orgs update --help).\n'],
      [
        ['orgs', 'merge', 'Orange Bénin', 'Orange Bénin', '--yes'],
        2,
        'erreur : KEEP et DROP sont la même organisation : rien à fusionner.\n',
      ],
      [
        ['orgs', 'contacts', 'add', 'Orange Bénin', 'KM-1', '--role', 'employe'],
        2,
        "erreur : Koffi Mensah <koffi@exemple.bj> est déjà un contact de l'organisation Orange Bénin ; retirez-le d'abord pour changer son rôle.\n",
      ],
      [['orgs', 'add', '--nom', ' ', '--type', 'ONG'], 2, "erreur : Le nom est vide ; rien n'a été enregistré.\n"],
    ];
    for (const [args, code, stderr] of refusals) {
      expect(await fr(args), args.join(' ')).toEqual({ code, stdout: '', stderr });
    }
    // Two end dates and a missing title are Commander's refusals, in French too.
    const twoEnds = await fr(['offers', 'add', '--type', 'emploi', '--titre', 'X', '--fin', '2099-01-01', '--expiration', '2099-02-01']);
    expect(twoEnds.code).toBe(2);
    expect(twoEnds.stderr).toContain('les options « --fin <date> » et « --expiration <date> » ne vont pas ensemble');
    const noTitle = await fr(['offers', 'add', '--type', 'stage']);
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toContain("l'option « --titre <title> » est obligatoire");
  });

  it('an error has the same code and values in both languages (--json on stderr, --verbose shows the code)', async () => {
    for (const args of [
      ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--fin', '2001-01-01'],
      ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--payante'],
      ['offers', 'list', '--from', '2026-03-01', '--to', '2026-02-01'],
      ['offers', 'close', '00000000-0000-4000-8000-000000000000'],
      ['orgs', 'merge', 'Orange Bénin', 'Orange Bénin', '--yes'],
    ]) {
      const [inFrench, inEnglish] = [await fr([...args, '--json']), await en([...args, '--json'])];
      expect(inFrench.code).toBe(inEnglish.code);
      const [a, b] = [JSON.parse(inFrench.stderr).error, JSON.parse(inEnglish.stderr).error];
      expect(a.code).toMatch(/^(orgs|offers)\.error\./);
      expect({ code: a.code, values: a.values }).toEqual({ code: b.code, values: b.values });
      expect(a.message).not.toBe(b.message);
    }
    const verbose = await fr(['offers', 'add', '--type', 'stage', '--titre', 'X', '--verbose']);
    expect(verbose.stderr).toContain('offers.error.kind_type_missing');
    // The day the database calls today, as people write it.
    const past = await fr(['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--fin', '2001-01-01']);
    expect(past.stderr).toMatch(/^erreur : La date de fin 2001-01-01 est déjà passée \(nous sommes le \d{1,2} [a-zéû]+\.? \d{4}\)/);
  });

  it('tables and records: human labels and days in French; the next-page hint too', async () => {
    const offers = await frOnTerminal(['offers', 'list', '--columns', 'all']);
    expect(offers.code).toBe(0);
    expect(offers.stdout).toMatch(/^Sorte +Intitulé +Organisation +Lieu +État +Début +Fin +Identifiant/);
    expect(offers.stdout).toContain('30 juin 2099');
    const orgs = await frOnTerminal(['orgs', 'list', '--limit', '1', '--columns', 'all']);
    expect(orgs.stdout).toMatch(/^Nom +Type +Secteur d'activité +Ville +Pays +Statut +Identifiant/);
    expect(orgs.stderr).toMatch(/\(mêmes filtres\)\n$/);
    const contacts = await frOnTerminal(['orgs', 'contacts', 'list', 'Orange Bénin', '--columns', 'all']);
    expect(contacts.stdout).toMatch(/^Nom +Courriel ou matricule +Rôle +Principal +Fonction +Depuis le +Jusqu'au/);
    expect(contacts.stdout).toMatch(/ oui +15 janv\. 2024/);
    const duplicates = await fr(['orgs', 'duplicates']);
    expect(duplicates.stdout).toContain('même domaine de site web et même nom une fois normalisé');
    expect(duplicates.stdout).toContain('(0 contact, 0 offre)');
    expect(duplicates.stderr).toBe("Pour fusionner une paire : alumni orgs merge KEEP DROP (essayez d'abord --dry-run).\n");
    const shown = await fr(['offers', 'show', formation]);
    expect(shown.stdout).toMatch(/^Publiée par : +Admin <admin@ecole\.example>$/m);
    expect(shown.stdout).toMatch(/^Modération : +\(aucune pour l’instant\)$/m);
    const org = await fr(['orgs', 'show', 'Orange Bénin']);
    expect(org.stdout).toMatch(/^Contacts : +\* Koffi Mensah <koffi@exemple\.bj> contact_rh$/m);
    expect(org.stdout).toMatch(/^Offres : +formation en_attente : 1$/m);
    const merged = await fr(['orgs', 'merge', 'Orange Bénin', 'ORANGE BENIN S.A.', '--dry-run']);
    expect(merged.stdout).toMatch(/^Contacts transférés : +0$/m);
    expect(merged.stderr).toBe("Simulation : rien n'a été modifié.\n");
    const expiring = await fr(['offers', 'expiring']);
    expect(expiring.stderr).toMatch(/^1 offre que la tâche expire-offers fera expirer d'ici le \d{1,2} [a-zéû]+\.? \d{4} /);
    for (const output of [offers, orgs, contacts, duplicates, shown, org, merged, expiring]) noEnglish(output.stdout + output.stderr);
  });

  it('close and extend say what they did in French, days as people write them', async () => {
    await sql`insert into stage (titre, type_stage, date_fin) values ('Stage réseau', 'ouvrier', '2099-01-31')`.execute(t.db);
    const stage = (await t.db.selectFrom('stage').select('id').where('titre', '=', 'Stage réseau').executeTakeFirstOrThrow()).id;
    const extended = await fr(['offers', 'extend', stage, '--until', '2099-03-15']);
    expect(extended).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '✔ Stage « Stage réseau » se termine désormais le 15 mars 2099 (auparavant : 31 janv. 2099, état active ; désormais active).\n',
    });
    const shorter = await fr(['offers', 'extend', stage, '--until', '2099-02-01']);
    expect(shorter).toMatchObject({ code: 2, stdout: '' });
    expect(shorter.stderr).toBe(
      "erreur : --until 2099-02-01 précède la date de fin actuelle de l'offre, 2099-03-15 : ce serait la raccourcir, pas la prolonger ; rien n'a été enregistré.\n",
    );
    expect(await fr(['offers', 'close', stage])).toEqual({
      code: 0,
      stdout: '',
      stderr: `✔ Stage « Stage réseau » (${stage}) : désormais pourvu.\n1 offre clôturée, 0 ignorée.\n`,
    });
    const again = await fr(['offers', 'close', stage]);
    expect(again).toMatchObject({ code: 3, stdout: '' });
    expect(again.stderr).toBe(
      `attention : Stage « Stage réseau » (${stage}) était déjà pourvu : rien de réécrit.\n0 offre clôturée, 1 ignorée.\n`,
    );
  });

  it('help pages in French', async () => {
    const orgs = await fr(['orgs', '--help']);
    expect(orgs.stdout).toContain('organisations (employeurs, partenaires) et leurs contacts');
    expect(orgs.stdout).toContain('doublons probables');
    const add = await fr(['offers', 'add', '--help']);
    expect(add.stdout).toContain("publier une offre au nom de l'administrateur");
    expect(add.stdout).toMatch(/--devise <code> +la devise du prix, code ISO 4217/);
    for (const page of [
      ['orgs', 'contacts', 'add', '--help'],
      ['offers', 'extend', '--help'],
      ['orgs', 'merge', '--help'],
    ]) {
      const help = await fr(page);
      expect(help.code, page.join(' ')).toBe(0);
      noEnglish(help.stdout);
    }
  });

  it('--json and --csv are byte-identical in French and in English', async () => {
    for (const args of [
      ['orgs', 'list', '--json'],
      ['orgs', 'list', '--csv'],
      ['orgs', 'show', 'Orange Bénin', '--json'],
      ['orgs', 'duplicates', '--json'],
      ['orgs', 'duplicates', '--csv'],
      ['orgs', 'contacts', 'list', 'Orange Bénin', '--json'],
      ['orgs', 'contacts', 'list', 'Orange Bénin', '--csv'],
      ['orgs', 'search', 'orange', '--json'],
      ['orgs', 'merge', 'Orange Bénin', 'ORANGE BENIN S.A.', '--dry-run', '--json'],
      ['offers', 'list', '--json'],
      ['offers', 'list', '--csv'],
      ['offers', 'search', 'kotlin', '--csv'],
      ['offers', 'show', formation, '--json'],
      ['offers', 'expiring', '--json'],
      ['offers', 'expiring', '--csv'],
    ]) {
      const [inFrench, inEnglish] = [await fr(args), await en(args)];
      expect(inFrench.code, args.join(' ')).toBe(0);
      expect(inFrench.stdout, args.join(' ')).toBe(inEnglish.stdout);
    }
  });

  it('LANG=fr_FR.UTF-8 gives French to the built CLI', async () => {
    const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, ...rest } = env;
    const unknown = await runCli(['offers', 'close', '00000000-0000-4000-8000-000000000000'], { env: { ...rest, LANG: 'fr_FR.UTF-8' } });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toBe(
      "erreur : Aucune offre « 00000000-0000-4000-8000-000000000000 » (donnez l'identifiant d'une offre, tel que alumni offers list l'affiche) ; rien n'a été modifié.\n",
    );
    const english = await runCli(['offers', 'close', '00000000-0000-4000-8000-000000000000'], { env: { ...rest, LANG: 'C' } });
    expect(english.stderr).toBe(
      'error: No offer "00000000-0000-4000-8000-000000000000" (give an offer\'s id, as alumni offers list prints it); nothing was changed.\n',
    );
  });
});
