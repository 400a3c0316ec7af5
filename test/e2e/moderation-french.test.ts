import { stripVTControlCharacters } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr/validate.js';
import { runCli } from '../support/cli.js';
import { ADVISORY_HERE, countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { seedModerationUsers } from '../support/moderation.js';
import { startInPty } from '../support/pty.js';

/**
 * Moderation, groups and reference values in French (issue 26): the interactive review
 * on a pseudo-terminal under --lang fr, the refusals, tables, records and help pages of
 * validate, groups and refs, and their JSON and CSV byte for byte the same in both
 * languages.
 */
describe('moderation, groups and refs in French', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let authorId: string;
  let orgId: string;
  const FRENCH_REASONS = [
    fr['validate.reasons.default.incomplete'],
    fr['validate.reasons.default.duplicate'],
    fr['validate.reasons.default.out_of_scope'],
  ];

  async function groups(names: string[], createdAt = sql<Date>`now() - interval '3 days'`): Promise<string[]> {
    const rows = await t.db
      .insertInto('groupe')
      .values(
        names.map((nom_groupe) => ({ nom_groupe, createur_id: authorId, description: `Le groupe ${nom_groupe}.`, created_at: createdAt })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    authorId = (await seedModerationUsers(t.db)).author;
    orgId = (
      await t.db
        .insertInto('organisation')
        .values({ nom_organisation: 'Sonatel Académie', type_organisation: 'entreprise', statut: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  describe('the interactive review on a pseudo-terminal, --lang fr', () => {
    it('shows the card, the keys, the help, the reason templates and the totals in French; the stored comment is the French template', async () => {
      // 23:30 UTC is 00:30 the next day in Paris: the card shows the local time.
      const [formation] = (
        await t.db
          .insertInto('formation')
          .values({
            titre: 'Gestion de projet',
            type_formation: 'presentiel',
            createur_id: authorId,
            organisation_id: orgId,
            description: 'Une formation de trois jours.',
            est_payante: true,
            prix: '150000',
            devise: 'XOF',
            date_debut: '2027-01-12',
            date_fin: '2027-01-14',
            created_at: new Date('2026-11-20T23:30:00Z'),
          })
          .returning('id')
          .execute()
      ).map((r) => r.id);
      const [club] = await groups(['Club Lecture']);

      const pty = startInPty(['validate', 'review', '--lang', 'fr'], { ...env, TZ: 'Europe/Paris' });
      let at = await pty.waitFor(/formations : fiche 1, 1 en attente · 0 approuvé, 0 rejeté, 0 laissé de côté/);
      at = await pty.waitFor(/\[a\]pprouver {2}\[r\]ejeter {2}\[s\]uivant {2}\[o\]uvrir la description {2}\[q\]uitter {2}\[h\] aide/, at);
      const card = pty.screen;
      expect(card).toContain('Formation · Gestion de projet');
      expect(card).toMatch(/Soumis le\s*│\s*21 nov\. 2026 à 00:30 \(en attente depuis \d+ j\)/);
      expect(card).toMatch(/Créé par\s*│\s*awa@exemple\.sn/);
      expect(card).toMatch(/Prix\s*│\s*150\u202f000 FCFA/);
      expect(card).toMatch(/Dates\s*│\s*12 janv\. 2027 → 14 janv\. 2027/);
      expect(card).toMatch(/Type\s*│\s*presentiel/);
      pty.type('h');
      at = await pty.waitFor(/q {2}quitter : plus rien n'est retenu une fois parti/, at);
      pty.type('r');
      at = await pty.waitFor(new RegExp(FRENCH_REASONS.map((r) => r.slice(0, 24)).join('[\\s\\S]*')), at);
      pty.type('\r');
      at = await pty.waitFor(/Rejeté : Gestion de projet/, at);
      at = await pty.waitFor(/File des formations : plus rien pour vous\./, at);
      at = await pty.waitFor(/groups : fiche 1, 1 en attente · 0 approuvé, 1 rejeté, 0 laissé de côté[\s\S]*Groupe · Club Lecture/, at);
      expect(pty.screen.slice(at)).toMatch(/Max\. membres\s*│\s*sans limite/);
      pty.type('a');
      at = await pty.waitFor(/Approuvé : Club Lecture/, at);
      pty.type('q');
      expect(await pty.exited).toBe(0);
      expect(pty.screen.slice(at)).toMatch(/1 approuvé, 1 rejeté, 0 laissé de côté/);
      // No English left on the moderator's screen (the reason picker's own words aside: src/cli/prompts.ts).
      for (const english of ['approve', 'Submitted', 'Created by', 'waiting', 'skipped', 'Description too', 'Price']) {
        expect(pty.screen).not.toContain(english);
      }

      const decisions = await t.db
        .selectFrom('validation_formation')
        .select(['est_approuve', 'commentaire'])
        .where('formation_id', '=', formation!)
        .execute();
      expect(decisions).toEqual([{ est_approuve: false, commentaire: FRENCH_REASONS[0] }]);
      expect(await countRows(t.db, 'validation_groupe', sql`groupe_id = ${club!} and est_approuve`)).toBe(1);
      expect(await countRows(t.db, 'pg_locks', ADVISORY_HERE)).toBe(0);
    });

    it('Ctrl-C: the totals in French, exit 130', async () => {
      await groups(['Club Échecs']);
      const pty = startInPty(['validate', 'review', 'groups', '--lang', 'fr'], env);
      await pty.waitFor(/Club Échecs[\s\S]*\[a\]pprouver/);
      pty.type('\u0003');
      expect(await pty.exited).toBe(130);
      expect(pty.screen).toMatch(/Interrompu : 0 approuvé, 0 rejeté, 0 laissé de côté ; plus rien n'est retenu\./);
    });
  });

  it('LANG=fr_FR.UTF-8: review without a terminal refuses in French (exit 2); LANG=C in English', async () => {
    const french = await runCli(['validate', 'review'], { env: { ...env, LANG: 'fr_FR.UTF-8' } });
    expect(french.code).toBe(2);
    expect(french.stderr).toBe(
      "erreur : validate review a besoin d'un terminal ; dans un script, utilisez `alumni validate approve|reject QUEUE ID...`.\n",
    );
    const english = await runCli(['validate', 'review'], { env: { ...env, LANG: 'C' } });
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/^error: validate review needs a terminal/);
  });

  describe('in process', () => {
    const run = (args: string[], lang: 'fr' | 'en' = 'fr') => runMain([...args, '--lang', lang], { env });
    /** On a wide terminal: tables with their headers, records in words and local times. */
    const onTerminal = async (args: string[]) => {
      const result = await runMain([...args, '--lang', 'fr'], { env, stdoutTTY: true, columns: 200 });
      return { ...result, stdout: stripVTControlCharacters(result.stdout) };
    };

    it('validate: approve, reject, refusals and lists in French, with their exit codes', async () => {
      const [a, b] = await groups(['Club Alpha', 'Club Bravo']);
      const approved = await run(['validate', 'approve', 'groups', a!]);
      expect(approved.code).toBe(0);
      expect(approved.stderr).toBe('✔ 1 décidé, 0 laissé de côté.\n');
      const again = await run(['validate', 'reject', 'groups', a!, b!, '--reason', 'Nom trompeur']);
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(
        new RegExp(
          `attention : Le groupe ${a} n'est plus en attente \\(approuvé par m1@ecole\\.example le \\d+ [a-zé.]+ \\d{4} à \\d\\d:\\d\\d\\) ; laissé de côté\\.`,
        ),
      );
      expect(again.stderr).toContain('✔ 1 décidé, 1 laissé de côté.');

      const unknown = await run(['validate', 'approve', 'orgs', '00000000-0000-4000-8000-000000000404']);
      expect(unknown.code).toBe(4);
      expect(unknown.stderr).toBe(
        "erreur : Aucune organisation n'a l'identifiant 00000000-0000-4000-8000-000000000404 ; rien n'a été décidé.\n",
      );
      const blank = await run(['validate', 'reject', 'groups', b!, '--reason', ' ']);
      expect(blank.code).toBe(2);
      expect(blank.stderr).toBe("erreur : Un rejet demande un motif : --reason TEXTE (l'auteur le lit).\n");
      const badItem = await run(['validate', 'history', '--item', 'abc']);
      expect(badItem.code).toBe(2);
      expect(badItem.stderr).toContain("--item abc : donnez l'identifiant d'un élément (un UUID).");
      const reopened = await run(['validate', 'reopen', 'groups', a!]);
      expect(reopened.code).toBe(0);
      expect(reopened.stderr).toBe(`✔ Le groupe ${a} est de retour dans sa file (1 décision annulée).\n`);
      const notDecided = await run(['validate', 'reopen', 'groups', a!]);
      expect(notDecided.code).toBe(3);
      expect(notDecided.stderr).toBe(`attention : Le groupe ${a} n'a aucune décision à annuler.\n✔ Rien n'a été rouvert.\n`);

      const counts = await onTerminal(['validate', 'list']);
      expect(counts.stdout).toMatch(/^File +En attente +Attente la plus longue$/m);
      expect(counts.stdout).toMatch(/^groups +\d+ +\d+ (j|min|h)$/m);
      const items = await onTerminal(['validate', 'list', 'groups']);
      expect(items.stdout).toMatch(/^Titre +Attend depuis +Créé par +Organisation +Identifiant$/m);
      const history = await onTerminal(['validate', 'history', '--queue', 'groups', '--columns', 'all']);
      expect(history.stdout).toMatch(/^Décidé le +File +Titre +Décision +Modérateur +Commentaire +Élément$/m);
      expect(history.stdout).toMatch(/rejeté +m1@ecole\.example +Nom trompeur/);
      expect(history.stdout).toMatch(/approuvé \(annulé\)/);
      const nothing = await onTerminal(['validate', 'list', 'orgs']);
      expect(nothing.stderr).toBe("Rien n'attend dans cette file.\n");
      expect((await run(['validate', 'list', 'orgs'])).stderr).toBe('');
    });

    it('groups: add, list, show, members and refusals in French', async () => {
      const added = await onTerminal(['groups', 'add', '--nom', 'Promo 2020', '--max', '2']);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^Nom :\s+Promo 2020$/m);
      expect(added.stdout).toMatch(/^Valide :\s+oui$/m);
      expect(added.stdout).toMatch(/^Créé le :\s+\d+ [a-zéû.]+ \d{4} à \d\d:\d\d$/m);
      expect(added.stderr).toBe('✔ Groupe Promo 2020 créé (valide).\n');
      const list = await onTerminal(['groups', 'list', '--search', 'promo 2020']);
      expect(list.stdout).toMatch(/^Nom +Type +Valide +Membres actifs +Limite de membres$/m);
      const tooMany = await run(['groups', 'members', 'add', 'Promo 2020', 'MOD-1', 'MOD-2', 'ETU-1']);
      expect(tooMany.code).toBe(2);
      expect(tooMany.stderr).toBe(
        "erreur : Promo 2020 a 2 places libres mais 3 personnes entreraient : personne n'a été ajouté. " +
          'Choisissez-en moins, relevez la limite (groups update --max), ou donnez --fill pour ajouter les 2 premières.\n',
      );
      const members = await run(['groups', 'members', 'add', 'Promo 2020', 'MOD-1', 'MOD-2', 'ETU-1', '--fill']);
      expect(members.code).toBe(0);
      expect(members.stderr).toContain('Promo 2020 : 2 ajoutés, 0 de retour après un départ, 0 déjà membre, 0 refusé.');
      expect(members.stderr).toContain('1 laissé de côté : le groupe avait 2 places libres (--fill a ajouté les premières personnes).');
      // The service names the field (max_membres); the message names the command's flag.
      const tooFew = await run(['groups', 'update', 'Promo 2020', '--max', '1']);
      expect(tooFew.code).toBe(2);
      expect(tooFew.stderr).toBe(
        "erreur : Promo 2020 compte 2 membres actifs, plus que --max 1 : donnez --max 2 ou plus, ou retirez d'abord des membres (alumni groups members remove).\n",
      );
      const below = await run(['groups', 'update', 'Promo 2020', '--max', '2', '--nom', '']);
      expect(below.code).toBe(2);
      expect(below.stderr).toBe("erreur : Le nom est vide ; rien n'a été écrit.\n");
      const unknown = await run(['groups', 'show', 'Promo 1999']);
      expect(unknown.code).toBe(4);
      // A close name is offered, in French.
      expect(unknown.stderr).toMatch(
        /^erreur : Aucun groupe « Promo 1999 » \(donnez un identifiant ou le nom exact\)\. Vouliez-vous dire : Promo 20\d\d/,
      );
      const nothing = await run(['groups', 'update', 'Promo 2020']);
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toContain('Rien à modifier');
      const fromUsers = await run(['groups', 'members', 'add', 'Promo 2020', '--from-users']);
      expect(fromUsers.code).toBe(2);
      expect(fromUsers.stderr).toContain("--from-users demande au moins un filtre d'utilisateurs");
      const notMember = await run(['groups', 'members', 'remove', 'Promo 2020', 'ETU-1', '--yes']);
      expect(notMember.code).toBe(3);
      expect(notMember.stderr).toContain("attention : Awa Ndiaye <awa@exemple.sn> n'est pas membre : rien à retirer.");
      const show = await run(['groups', 'show', 'Promo 2020']);
      expect(show.stdout).toMatch(/^Modérateurs :\s+\(aucun\)$/m);
      expect(show.stdout).toMatch(/^Limite de membres :\s+2$/m);
      expect(show.stdout).toMatch(/^Membres actifs :\s+2$/m);
    });

    it('refs: lists, changes and refusals in French', async () => {
      const added = await run(['refs', 'fields', 'add', 'Génie civil']);
      expect(added.code).toBe(0);
      expect(added.stderr).toBe('✔ Filière Génie civil ajoutée.\n');
      expect(added.stdout).toMatch(/^Ouverte aux imports :\s+oui$/m);
      const taken = await run(['refs', 'fields', 'add', 'GENIE CIVIL']);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toContain('« GENIE CIVIL » est déjà la filière « Génie civil »');
      const unknown = await run(['refs', 'fields', 'rename', 'Astronomie', 'Astro']);
      expect(unknown.code).toBe(4);
      expect(unknown.stderr).toContain('Aucune filière « Astronomie » parmi les filières de référence');
      const list = await onTerminal(['refs', 'fields', 'list']);
      expect(list.stdout).toMatch(/^Filière +Ouverte aux imports +Variantes +Utilisateurs/m);
      const year = await run(['refs', 'years', 'add', '2031']);
      expect(year.stderr).toBe('✔ Année 2031 ajoutée, ouverte aux imports.\n');
      const closed = await run(['refs', 'years', 'close', '1990']);
      expect(closed.code).toBe(4);
      expect(closed.stderr).toContain('Aucune année 1990 parmi les années de référence');
    });

    it('a refusal under --json: one JSON object on stderr, its code and values the same in both languages', async () => {
      const args = ['validate', 'approve', 'orgs', '00000000-0000-4000-8000-000000000404', '--json'];
      const [french, english] = [await run(args, 'fr'), await run(args, 'en')];
      expect([french.code, english.code]).toEqual([4, 4]);
      const [f, e] = [JSON.parse(french.stderr), JSON.parse(english.stderr)];
      expect(f.error).toEqual({
        code: 'validate.unknown_ids',
        message: "Aucune organisation n'a l'identifiant 00000000-0000-4000-8000-000000000404 ; rien n'a été décidé.",
        values: { queue: 'orgs', ids: ['00000000-0000-4000-8000-000000000404'] },
      });
      expect(e.error).toEqual({
        ...f.error,
        message: 'No organisation with id 00000000-0000-4000-8000-000000000404; nothing was decided.',
      });
    });

    it('help pages in French', async () => {
      for (const [args, words] of [
        [['validate', '--help'], /modération : formations, groupes et organisations/],
        [['validate', 'review', '--help'], /examiner une file fiche par fiche[\s\S]*modèles de motifs de rejet/],
        [['groups', 'members', 'add', '--help'], /ajouter des personnes au groupe[\s\S]*leur rôle dans le groupe/],
        [['refs', 'fields', '--help'], /les filières et leurs variantes/],
      ] as const) {
        const help = await run([...args]);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(words);
      }
    });

    it('JSON and CSV are byte for byte the same in French and in English', async () => {
      const [c] = await groups(['Club Identique']);
      await run(['validate', 'approve', 'groups', c!]);
      for (const args of [
        ['validate', 'list', '--json'],
        ['validate', 'list', '--csv'],
        ['validate', 'list', 'groups', '--csv'],
        ['validate', 'history', '--json'],
        ['validate', 'history', '--csv'],
        // Decided already: the outcome's message is machine output (English, UTC).
        ['validate', 'approve', 'groups', c!, '--json'],
        ['validate', 'reopen', 'orgs', orgId, '--json'],
        ['groups', 'list', '--json'],
        ['groups', 'list', '--csv'],
        ['groups', 'show', 'Club Identique', '--json'],
        ['groups', 'members', 'list', 'Promo 2020', '--all', '--csv'],
        ['groups', 'members', 'add', 'Promo 2020', 'MOD-2', '--json'],
        ['groups', 'members', 'remove', 'Promo 2020', 'ETU-1', '--yes', '--json'],
        ['refs', 'fields', 'list', '--json'],
        ['refs', 'fields', 'list', '--csv'],
        ['refs', 'years', 'list', '--csv'],
      ]) {
        const french = await run(args, 'fr');
        const english = await run(args, 'en');
        expect(french.stdout, args.join(' ')).toBe(english.stdout);
        expect(french.code, args.join(' ')).toBe(english.code);
      }
    });
  });
});
