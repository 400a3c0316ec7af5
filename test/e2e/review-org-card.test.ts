import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ADVISORY_HERE, countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { seedModerationUsers } from '../support/moderation.js';
import { startInPty } from '../support/pty.js';

/**
 * An organisation's review card (issue 27, point 13): enough to judge whether it is real
 * and new (who submitted it, its contacts, website and e-mail, the organisation
 * `orgs duplicates` pairs it with), no line wider than the terminal, and Esc leaving the
 * reason picker without deciding anything.
 */
describe('the review card of an organisation, on a pseudo-terminal', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let pendingId: string;
  let twinId: string;

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    const { author } = await seedModerationUsers(t.db);
    // Already known: the same website domain as the one that waits.
    twinId = (
      await t.db
        .insertInto('organisation')
        .values({
          nom_organisation: 'Atelier Ziguinchor SARL',
          type_organisation: 'entreprise',
          statut: 'active',
          site_web: 'https://www.atelier-zig.example',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // Submitted by a member: the audit log records who added it.
    pendingId = await t.db.transaction().execute(async (trx) => {
      await sql`select set_config('alumni.actor_id', ${author}, true)`.execute(trx);
      return (
        await trx
          .insertInto('organisation')
          .values({
            nom_organisation: 'Atelier Numérique de Ziguinchor',
            type_organisation: 'startup',
            secteur_activite: 'Numérique',
            ville: 'Ziguinchor',
            pays: 'Sénégal',
            site_web: 'https://atelier-zig.example',
            email_general: 'bonjour@atelier-zig.example',
            telephone_general: '+221339912345',
            description: 'Une école de code.',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    const contacts = await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Moussa Diallo', matricule: 'CT-1', email: 'moussa@exemple.sn' },
        { nom_complet: 'Binta Sow', matricule: 'CT-2', email: 'binta@exemple.sn' },
      ])
      .returning(['id', 'matricule'])
      .execute();
    await t.db
      .insertInto('contact_organisation')
      .values([
        {
          utilisateur_id: contacts.find((c) => c.matricule === 'CT-1')!.id,
          organisation_id: pendingId,
          role_contact: 'employe',
          poste: 'Formateur',
        },
        {
          utilisateur_id: contacts.find((c) => c.matricule === 'CT-2')!.id,
          organisation_id: pendingId,
          role_contact: 'representant_legal',
          poste: 'Gérante',
          est_contact_principal: true,
          email_professionnel: 'binta@atelier-zig.example',
          telephone_professionnel: '+221771234567',
        },
      ])
      .execute();
  });
  afterAll(() => t.close());

  const decisions = () => countRows(t.db, 'validation_organisation', sql`organisation_id = ${pendingId}`);
  /** The card's text with its frame taken away and its wrapped lines joined: what a person reads. */
  const read = (screen: string) =>
    screen
      .replace(/[│┌┐└┘─┬┴]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  it.each([80, 60])(
    'at %i columns: submitter, contacts (principal first), website, e-mail, duplicate hint; no line wider; Esc leaves the reason picker, nothing decided',
    async (columns) => {
      const pty = startInPty(['validate', 'review', 'orgs'], env, { columns });
      let at = await pty.waitFor(/Organisation · Atelier Numérique de Ziguinchor[\s\S]*\[a\]pprove/);
      const card = pty.screen.slice(0, at);
      const text = read(card);
      expect(text).toContain('Submitted by Awa Ndiaye <awa@exemple.sn>');
      expect(text).toMatch(
        /Contacts Binta Sow \(principal, representant_legal, Gérante\) · binta@atelier-zig\.example · \+221771234567 Moussa Diallo \(employe, Formateur\) · moussa@exemple\.sn /,
      );
      expect(text).toContain('Website https://atelier-zig.example');
      expect(text).toContain('E-mail bonjour@atelier-zig.example');
      expect(text).toContain(`Duplicate? Possibly the same as: Atelier Ziguinchor SARL (${twinId})`);
      const lines = card.split('\n');
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);

      pty.type('r');
      at = await pty.waitFor(/Reason \(Esc: back to the card\)[\s\S]*navigate/, at);
      pty.type('\u001b');
      // Back at the card's keys, the card still held and waiting.
      at = await pty.waitFor(/\[a\]pprove/, at);
      expect(await decisions()).toBe(0);
      // Esc while typing a reason leaves too.
      pty.type('r');
      at = await pty.waitFor(/Reason \(Esc: back to the card\)[\s\S]*navigate/, at);
      pty.type('\u001b[A');
      pty.type('\r');
      at = await pty.waitFor(/Reason \(empty: back to the card\)/, at);
      pty.type('Inconnue');
      pty.type('\u001b');
      at = await pty.waitFor(/\[a\]pprove/, at);
      pty.type('q');
      expect(await pty.exited).toBe(0);
      expect(pty.screen.slice(at)).toMatch(/0 approved, 0 rejected, 0 skipped/);
      expect(await decisions()).toBe(0);
      const { statut } = await t.db.selectFrom('organisation').select('statut').where('id', '=', pendingId).executeTakeFirstOrThrow();
      expect(statut).toBe('en_attente');
      expect(await countRows(t.db, 'pg_locks', ADVISORY_HERE)).toBe(0);
    },
  );

  it('validate list orgs --json carries the same facts, and orgs duplicates pairs the same organisations', async () => {
    const listed = await runCli(['validate', 'list', 'orgs', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      {
        id: pendingId,
        createur: 'awa@exemple.sn',
        submitter: { nom_complet: 'Awa Ndiaye', email: 'awa@exemple.sn' },
        organisation: {
          site_web: 'https://atelier-zig.example',
          email_general: 'bonjour@atelier-zig.example',
          telephone_general: '+221339912345',
          contacts: [
            { nom_complet: 'Binta Sow', est_contact_principal: true, role_contact: 'representant_legal' },
            { nom_complet: 'Moussa Diallo', est_contact_principal: false },
          ],
          possibly_same_as: [{ id: twinId, nom_organisation: 'Atelier Ziguinchor SARL', reasons: ['same website domain'] }],
        },
      },
    ]);
    const duplicates = await runCli(['orgs', 'duplicates', '--json'], { env });
    const pairs = JSON.parse(duplicates.stdout) as Array<{ a_id: string; b_id: string }>;
    expect(pairs.map((p) => [p.a_id, p.b_id].sort())).toEqual([[pendingId, twinId].sort()]);
  });
});
