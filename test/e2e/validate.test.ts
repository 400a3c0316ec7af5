import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReasons } from '../../src/commands/validate/shared.js';
import { finished, runCli, startCli } from '../support/cli.js';
import { ADVISORY_HERE, countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { seedModerationUsers } from '../support/moderation.js';
import { startInPty } from '../support/pty.js';

describe('validate, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let authorId: string;

  async function groups(names: string[]): Promise<string[]> {
    const rows = await t.db
      .insertInto('groupe')
      .values(
        names.map((nom_groupe, i) => ({
          nom_groupe,
          createur_id: authorId,
          description: `Le groupe ${nom_groupe}, pour se retrouver.`,
          created_at: sql`now() - make_interval(days => ${100 - i})`,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
  const advisoryLocks = () => countRows(t.db, 'pg_locks', ADVISORY_HERE);

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    authorId = (await seedModerationUsers(t.db)).author;
  });
  afterAll(() => t.close());

  it('review without a terminal refuses at once (exit 2), naming approve/reject', async () => {
    const result = await runCli(['validate', 'review'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal.*validate approve\|reject/);
    expect(result.stdout).toBe('');
  });

  it('approve/reject for scripts: exit 0, 2 without a reason, 3 when some were decided already, 4 for an unknown id, 77 without a moderator', async () => {
    const [a, b] = await groups(['Script A', 'Script B']);
    const ok = await runCli(['validate', 'approve', 'groups', a!, '--json'], { env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ decided: 1, skipped: 0, outcomes: [{ id: a, status: 'approved' }] });
    expect((await runCli(['validate', 'reject', 'groups', b!], { env })).code).toBe(2);
    const again = await runCli(['validate', 'reject', 'groups', a!, b!, '--reason', 'Nom trompeur'], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/not waiting any more \(approved by m1@ecole\.example/);
    const unknown = await runCli(['validate', 'approve', 'groups', '00000000-0000-4000-8000-000000000404'], { env });
    expect(unknown.code).toBe(4);
    expect((await runCli(['validate', 'approve', 'groups', b!], { env: t.env })).code).toBe(77);
    const decided = await t.db
      .selectFrom('validation_groupe')
      .select(['groupe_id', 'est_approuve', 'commentaire'])
      .where('groupe_id', 'in', [a!, b!])
      .execute();
    expect(decided.sort((x, y) => Number(y.est_approuve) - Number(x.est_approuve))).toEqual([
      { groupe_id: a, est_approuve: true, commentaire: null },
      { groupe_id: b, est_approuve: false, commentaire: 'Nom trompeur' },
    ]);
  });

  it('list counts the queues or lists one (JSON, CSV); history lists the decisions; reopen puts an item back', async () => {
    // Its own decided items (any test passes alone), then one waiting.
    const [scriptA, scriptB] = await groups(['Liste A', 'Liste B']);
    expect((await runCli(['validate', 'approve', 'groups', scriptA!], { env })).code).toBe(0);
    expect((await runCli(['validate', 'reject', 'groups', scriptB!, '--reason', 'Doublon'], { env })).code).toBe(0);
    const [c] = await groups(['Liste C']);
    const counts = await runCli(['validate', 'list', '--json'], { env });
    expect(JSON.parse(counts.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ queue: 'groups', pending: 1 })]));
    const items = JSON.parse((await runCli(['validate', 'list', 'groups', '--json'], { env })).stdout);
    expect(items).toMatchObject([{ id: c, title: 'Liste C', createur: 'awa@exemple.sn' }]);
    const csv = parse((await runCli(['validate', 'list', 'groups', '--csv'], { env })).stdout, { columns: true });
    expect(csv).toMatchObject([{ id: c, title: 'Liste C', 'created by': 'awa@exemple.sn' }]);
    const history = (
      JSON.parse((await runCli(['validate', 'history', '--queue', 'groups', '--json'], { env })).stdout) as Array<{
        title: string;
        est_approuve: boolean;
        date_validation: string;
      }>
    ).filter((d) => d.title.startsWith('Liste '));
    expect(history.map((d) => [d.title, d.est_approuve])).toEqual([
      ['Liste B', false],
      ['Liste A', true],
    ]);
    expect(history[0]!.date_validation).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);

    const reopened = await runCli(['validate', 'reopen', 'groups', scriptA!, '--as', 'm2@ecole.example'], { env });
    expect(reopened.code).toBe(0);
    expect((await t.db.selectFrom('groupe').select('est_valide').where('id', '=', scriptA!).executeTakeFirstOrThrow()).est_valide).toBe(
      false,
    );
    expect((await runCli(['validate', 'reopen', 'groups', scriptA!], { env })).code).toBe(3);
    const withdrawn = JSON.parse((await runCli(['validate', 'history', '--outcome', 'withdrawn', '--json'], { env })).stdout);
    expect(withdrawn).toMatchObject([{ item_id: scriptA, annulateur: 'm2@ecole.example' }]);
    // Back to where the other tests expect the queue: approve both again.
    expect((await runCli(['validate', 'approve', 'groups', scriptA!, c!], { env })).code).toBe(0);
  });

  it('two processes deciding the same 200 items in opposite orders decide each exactly once', async () => {
    const rows = await t.db
      .insertInto('formation')
      .values(
        Array.from({ length: 200 }, (_, i) => ({ titre: `Formation ${i}`, type_formation: 'en_ligne' as const, createur_id: authorId })),
      )
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id);
    const approving = startCli(['validate', 'approve', 'formations', ...ids, '--json'], { env });
    const rejecting = startCli(
      ['validate', 'reject', 'formations', ...[...ids].reverse(), '--reason', 'Doublon', '--json', '--as', 'm2@ecole.example'],
      { env },
    );
    const [first, second] = await Promise.all([finished(approving), finished(rejecting)]);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(second.stdout);
    expect(a.decided + b.decided).toBe(200);
    expect(a.decided + a.skipped).toBe(200);
    expect(b.decided + b.skipped).toBe(200);
    expect([first.code, second.code]).toEqual([a.skipped ? 3 : 0, b.skipped ? 3 : 0]);
    const { rows: perItem } = await sql<{ n: number; approved: boolean; valide: boolean }>`
      select count(v.id)::int as n, bool_or(v.est_approuve) as approved, f.est_valide as valide
        from formation f left join validation_formation v on v.formation_id = f.id
       where f.id = any(${ids}::uuid[]) group by f.id, f.est_valide`.execute(t.db);
    expect(perItem).toHaveLength(200);
    for (const item of perItem) {
      expect(item.n).toBe(1);
      expect(item.valide).toBe(item.approved);
    }
    expect(perItem.filter((i) => i.approved)).toHaveLength(a.decided);
  }, 60_000);

  describe('the interactive review on a pseudo-terminal', () => {
    let cards: string[];
    beforeAll(async () => {
      cards = await groups(['Club Alpha', 'Club Bravo', 'Club Charlie', 'Club Delta']);
    });
    /** Charlie first in the queue, as the first review leaves it, whether or not it ran (-t). */
    const charlieFirst = () => t.db.updateTable('groupe').set({ est_valide: true }).where('id', 'in', [cards[0]!, cards[1]!]).execute();

    it('shows a card, approves with one key, rejects with a template, skips, opens, quits', async () => {
      const pty = startInPty(['validate', 'review', 'groups'], env);
      let at = await pty.waitFor(/groups: card 1, 4 waiting[\s\S]*Group · Club Alpha[\s\S]*\[a\]pprove/);
      expect(pty.screen).toMatch(/Created by\s*│\s*awa@exemple\.sn/);
      pty.type('a');
      at = await pty.waitFor(/Approved: Club Alpha[\s\S]*card 2, 3 waiting[\s\S]*Club Bravo[\s\S]*\[a\]pprove/, at);
      pty.type('h');
      at = await pty.waitFor(/q\s+quit: nothing is held/, at);
      pty.type('r');
      at = await pty.waitFor(new RegExp(`Reason[\\s\\S]*${defaultReasons()[0]!.slice(0, 20)}`), at);
      pty.type('\r');
      at = await pty.waitFor(/Rejected: Club Bravo[\s\S]*Club Charlie[\s\S]*\[a\]pprove/, at);
      pty.type('o');
      at = await pty.waitFor(/Le groupe Club Charlie, pour se retrouver\./, at);
      pty.type('s');
      at = await pty.waitFor(/Club Delta[\s\S]*\[a\]pprove/, at);
      pty.type('q');
      expect(await pty.exited).toBe(0);
      expect(pty.screen.slice(at)).toMatch(/1 approved, 1 rejected, 1 skipped/);

      const decisions = await t.db
        .selectFrom('validation_groupe')
        .select(['groupe_id', 'est_approuve', 'commentaire', 'validateur_id'])
        .where('groupe_id', 'in', cards)
        .execute();
      expect(decisions.map((d) => [cards.indexOf(d.groupe_id), d.est_approuve, d.commentaire]).sort()).toEqual([
        [0, true, null],
        [1, false, defaultReasons()[0]],
      ]);
      expect(await advisoryLocks()).toBe(0);
    });

    it('Ctrl-C leaves nothing held and nothing decided', async () => {
      await charlieFirst();
      const pty = startInPty(['validate', 'review', 'groups'], env);
      await pty.waitFor(/Club Charlie[\s\S]*\[a\]pprove/);
      pty.type('r');
      await pty.waitFor(/Reason/);
      pty.type('\u0003');
      expect(await pty.exited).toBe(130);
      expect(pty.screen).toMatch(/Interrupted: 0 approved, 0 rejected, 0 skipped; nothing is held/);
      expect(await countRows(t.db, 'validation_groupe', sql`groupe_id in (${cards[2]}, ${cards[3]})`)).toBe(0);
      expect(await advisoryLocks()).toBe(0);
    });

    it('two moderators reviewing at once get different cards', async () => {
      await charlieFirst();
      const first = startInPty(['validate', 'review', 'groups'], env);
      await first.waitFor(/Club Charlie[\s\S]*\[a\]pprove/);
      const second = startInPty(['validate', 'review', 'groups', '--as', 'm2@ecole.example'], env);
      await second.waitFor(/Club Delta[\s\S]*\[a\]pprove/);
      expect(second.screen).not.toMatch(/Club Charlie/);
      second.type('a');
      await second.waitFor(/Approved: Club Delta/);
      await second.waitFor(/nothing more for you|Nothing more to review/);
      // The first one types its own reason: up from the first template is the last entry.
      first.type('r');
      let at = await first.waitFor(/Type a reason/);
      first.type('\u001b[A');
      first.type('\r');
      at = await first.waitFor(/Reason \(empty: back to the card\)/, at);
      first.type('Nom à revoir, merci\r');
      await first.waitFor(/Rejected: Club Charlie/, at);
      expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);
      expect(await advisoryLocks()).toBe(0);
      const decided = await t.db
        .selectFrom('validation_groupe')
        .select(['groupe_id', 'commentaire', 'validateur_id'])
        .where('groupe_id', 'in', [cards[2]!, cards[3]!])
        .orderBy('commentaire')
        .execute();
      expect(decided.map((d) => [cards.indexOf(d.groupe_id), d.commentaire])).toEqual([
        [2, 'Nom à revoir, merci'],
        [3, null],
      ]);
    });
  });
});
