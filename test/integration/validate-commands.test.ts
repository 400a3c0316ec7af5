import { stripVTControlCharacters } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { seedModerationUsers } from '../support/moderation.js';

const ESC = '\u001b[';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000404';
const NO_SERVER = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ALUMNI_ACTOR: 'm1@ecole.example' };

/** validate, in process through main(argv, io): each test seeds the items it looks at. */
describe('validate commands in process', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let authorId: string;

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    authorId = (await seedModerationUsers(t.db)).author;
  });
  afterAll(() => t.close());

  /** Pending groups, the first created longest ago. */
  async function groups(names: string[]): Promise<string[]> {
    const rows = await t.db
      .insertInto('groupe')
      .values(
        names.map((nom_groupe, i) => ({ nom_groupe, createur_id: authorId, created_at: sql`now() - make_interval(days => ${100 - i})` })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  const decisionsOn = (ids: string[]) =>
    t.db
      .selectFrom('validation_groupe')
      .select(['groupe_id', 'est_approuve', 'commentaire', 'annulee_le'])
      .where('groupe_id', 'in', ids)
      .execute();

  it('list without a queue counts each queue: JSON (a bare array), CSV, a table', async () => {
    // Its own database: the counts are of everything waiting.
    const own = await createServerDatabase();
    try {
      const { author } = await seedModerationUsers(own.db);
      await own.db
        .insertInto('organisation')
        .values([
          { nom_organisation: 'Attente SA', type_organisation: 'entreprise', created_at: sql`now() - interval '5 days'` },
          { nom_organisation: 'Attente SARL', type_organisation: 'entreprise' },
        ])
        .execute();
      await own.db
        .insertInto('groupe')
        .values({ nom_groupe: 'Vieux groupe', createur_id: author, created_at: sql`now() - interval '3 days'` })
        .execute();

      const json = await runMain(['validate', 'list', '--json'], { env: own.env });
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual([
        { queue: 'formations', pending: 0, oldest_created_at: null },
        { queue: 'groups', pending: 1, oldest_created_at: expect.any(String) },
        { queue: 'orgs', pending: 2, oldest_created_at: expect.any(String) },
      ]);
      const csv = await runMain(['validate', 'list', '--csv'], { env: own.env });
      expect(csv.stdout.split('\n').slice(0, 3)).toEqual(['queue,pending,oldest waiting', 'formations,0,', 'groups,1,3d']);
      const table = await runMain(['validate', 'list'], { env: own.env, stdoutTTY: true });
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(ESC); // a terminal gets the coloured table
      expect(stripVTControlCharacters(table.stdout)).toMatch(/^Queue +Waiting +Oldest waiting\n/);
      expect(stripVTControlCharacters(table.stdout)).toMatch(/^orgs +2 +5d$/m);
      // Off a terminal: tab-separated rows, no header.
      const piped = await runMain(['validate', 'list'], { env: own.env });
      expect(piped.stdout).toBe('formations\t0\t\ngroups\t1\t3d\norgs\t2\t5d\n');
    } finally {
      await own.close();
    }
  });

  it('list QUEUE lists its waiting items oldest first, the queue named in any form', async () => {
    const [older, newer] = await groups(['Liste ancienne', 'Liste récente']);
    const json = await runMain(['validate', 'list', 'Groupes', '--json'], { env });
    expect(json.code).toBe(0);
    const items = (JSON.parse(json.stdout) as Array<{ id: string; title: string; createur: string }>).filter((i) =>
      i.title.startsWith('Liste '),
    );
    expect(items).toEqual([
      expect.objectContaining({ id: older, title: 'Liste ancienne', createur: 'awa@exemple.sn' }),
      expect.objectContaining({ id: newer, title: 'Liste récente' }),
    ]);
    const csv = await runMain(['validate', 'list', 'groups', '--csv', '--limit', '1'], { env });
    expect(csv.stdout.split('\n')[0]).toBe('id,waiting,title,created by,organisation');
    expect(csv.stdout.trim().split('\n')).toHaveLength(2);
    // The title first, the id (what approve and reject take) last.
    const table = await runMain(['validate', 'list', 'groups'], { env, stdoutTTY: true, columns: 200 });
    expect(stripVTControlCharacters(table.stdout)).toMatch(/^Title +Waiting for +Created by +Organisation +Id\n/);
    expect(stripVTControlCharacters(table.stdout)).toMatch(new RegExp(`^Liste ancienne +\\S+ +awa@exemple\\.sn +${older}$`, 'm'));
    const empty = await runMain(['validate', 'list', 'formations'], { env, stdoutTTY: true });
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'Nothing waits in this queue.\n' });
    expect(await runMain(['validate', 'list', 'formations'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('approve and reject: 0 when decided, 2 for a rejection without reason, 3 for one already decided, 4 for an unknown id', async () => {
    const [a, b, c] = await groups(['Décision A', 'Décision B', 'Décision C']);
    const ok = await runMain(['validate', 'approve', 'groups', a!.toUpperCase(), '--json'], { env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      decided: 1,
      skipped: 0,
      outcomes: [{ queue: 'groups', id: a, status: 'approved', message: null }],
    });

    const noReason = await runMain(['validate', 'reject', 'groups', b!], { env });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <text>' not specified");
    const blank = await runMain(['validate', 'reject', 'groups', b!, '--reason', '   '], { env });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('A rejection needs a reason: --reason TEXT');

    const again = await runMain(['validate', 'reject', 'groups', a!, b!, '--reason', '  Nom trompeur '], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/not waiting any more \(approved by m1@ecole\.example/);
    expect(again.stderr).toContain('1 decided, 1 skipped.');

    const unknown = await runMain(['validate', 'approve', 'groups', c!, UNKNOWN_ID], { env });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain(`No group with id ${UNKNOWN_ID}; nothing was decided.`);
    expect((await runMain(['validate', 'approve', 'groups', 'pas-un-id'], { env })).code).toBe(4);

    const decided = await decisionsOn([a!, b!, c!]);
    expect(decided.map((d) => [d.groupe_id, d.est_approuve, d.commentaire]).sort((x, y) => Number(y[1]) - Number(x[1]))).toEqual([
      [a, true, null],
      [b, false, 'Nom trompeur'],
    ]);
    expect((await t.db.selectFrom('groupe').select('est_valide').where('id', '=', a!).executeTakeFirstOrThrow()).est_valide).toBe(true);
  });

  it('history: newest first, filtered by --outcome in any case, --since/--until, --queue, --item and --moderator', async () => {
    const [approved, rejected] = await groups(['Historique A', 'Historique R']);
    expect((await runMain(['validate', 'approve', 'groups', approved!], { env })).code).toBe(0);
    expect(
      (await runMain(['validate', 'reject', 'groups', rejected!, '--reason', 'Doublon', '--as', 'm2@ecole.example'], { env })).code,
    ).toBe(0);
    const history = async (...args: string[]) => {
      const result = await runMain(['validate', 'history', ...args, '--json'], { env });
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as Array<{ item_id: string; title: string }>).filter(
        (d) => d.item_id === approved || d.item_id === rejected,
      );
    };
    expect((await history('--since', '1h')).map((d) => d.title)).toEqual(['Historique R', 'Historique A']);
    expect((await history('--outcome', 'REJECTED')).map((d) => d.title)).toEqual(['Historique R']);
    expect((await history('--outcome', 'Approved', '--queue', 'Groupe')).map((d) => d.title)).toEqual(['Historique A']);
    expect(await history('--outcome', 'approved', '--queue', 'orgs')).toEqual([]);
    expect(await history('--since', '2099-01-01')).toEqual([]);
    expect(await history('--until', '1h')).toEqual([]);
    expect((await history('--item', approved!.toUpperCase())).map((d) => d.title)).toEqual(['Historique A']);
    expect((await history('--moderator', 'M2@ecole.example')).map((d) => d.title)).toEqual(['Historique R']);

    const csv = await runMain(['validate', 'history', '--item', rejected!, '--csv'], { env });
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual([
      'date_validation,queue,item,title,outcome,moderator,comment',
      expect.stringMatching(new RegExp(`,groups,${rejected},Historique R,rejected,m2@ecole\\.example,Doublon$`)),
    ]);
    // On an 80-column terminal: when, what, the outcome and who fit; the item's id on demand.
    const table = await runMain(['validate', 'history', '--item', rejected!], { env, stdoutTTY: true, columns: 80 });
    const lines = stripVTControlCharacters(table.stdout).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Decided +Queue +Title +Outcome +Moderator$/);
    expect(lines[1]).toMatch(/ groups +Historique R +rejected +m2@ecole\.example$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // Off a terminal: tab-separated, nothing cut, the time in ISO 8601 with its offset, the comment on demand.
    const piped = await runMain(['validate', 'history', '--item', rejected!], { env });
    expect(piped.stdout.trimEnd().split('\t')).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      'groups',
      'Historique R',
      'rejected',
      'm2@ecole.example',
    ]);
    const why = await runMain(['validate', 'history', '--item', rejected!, '--columns', 'title,comment,item'], { env });
    expect(why.stdout).toBe(`Historique R\tDoublon\t${rejected}\n`);
    const none = await runMain(['validate', 'history', '--since', '2099-01-01'], { env, stdoutTTY: true });
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No decision matches these filters.\n' });

    const badItem = await runMain(['validate', 'history', '--item', 'pas-un-id'], { env });
    expect(badItem.code).toBe(2);
    expect(badItem.stderr).toContain('--item pas-un-id: give an item id (a UUID).');
    expect((await runMain(['validate', 'history', '--moderator', 'personne@ecole.example'], { env })).code).toBe(4);
    const badOutcome = await runMain(['validate', 'history', '--outcome', 'pending'], { env: NO_SERVER });
    expect(badOutcome.code).toBe(2);
    expect(badOutcome.stderr).toContain('--outcome "pending": use one of approved, rejected, withdrawn.');
    const badSince = await runMain(['validate', 'history', '--since', '30m'], { env: NO_SERVER });
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toContain('--since "30m"');
  });

  it('reopen puts a decided item back in its queue, withdrawing the decision; 3 when nothing to undo, 4 for an unknown item', async () => {
    const [item] = await groups(['Réouverture']);
    expect((await runMain(['validate', 'approve', 'groups', item!], { env })).code).toBe(0);
    const reopened = await runMain(['validate', 'reopen', 'groups', item!, '--as', 'm2@ecole.example'], { env });
    expect(reopened.code).toBe(0);
    expect(reopened.stderr).toContain(`groups ${item} is back in its queue (1 decision(s) withdrawn).`);
    expect((await t.db.selectFrom('groupe').select('est_valide').where('id', '=', item!).executeTakeFirstOrThrow()).est_valide).toBe(false);
    expect((await decisionsOn([item!]))[0]!.annulee_le).toBeInstanceOf(Date);
    const pending = JSON.parse((await runMain(['validate', 'list', 'groups', '--json'], { env })).stdout) as Array<{ id: string }>;
    expect(pending.map((i) => i.id)).toContain(item);

    const again = await runMain(['validate', 'reopen', 'groups', item!], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('has no decision to undo');
    const withdrawn = JSON.parse(
      (await runMain(['validate', 'history', '--outcome', 'Withdrawn', '--item', item!, '--json'], { env })).stdout,
    );
    expect(withdrawn).toMatchObject([{ item_id: item, annulateur: 'm2@ecole.example' }]);
    expect((await runMain(['validate', 'reopen', 'groups', UNKNOWN_ID], { env })).code).toBe(4);
  });

  it('refuses an unknown queue before opening the database: exit 2 listing the queues', async () => {
    const refusal = 'use one of formations, groups, orgs.';
    for (const argv of [
      ['validate', 'list', 'offers'],
      ['validate', 'approve', 'offres', UNKNOWN_ID],
      ['validate', 'reject', 'offers', UNKNOWN_ID, '--reason', 'x'],
      ['validate', 'reopen', 'offers', UNKNOWN_ID],
      ['validate', 'review', 'offers'],
    ]) {
      const result = await runMain(argv, { env: NO_SERVER });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(`Unknown queue "${argv[2]}": ${refusal}`);
    }
    const history = await runMain(['validate', 'history', '--queue', 'offers'], { env: NO_SERVER });
    expect(history.code).toBe(2);
    expect(history.stderr).toContain(`--queue "offers": ${refusal}`);
  });

  it('colours a terminal stderr only: a redirected stdout and stderr get no escape code', async () => {
    const [item] = await groups(['Couleurs']);
    const onTerminal = await runMain(['validate', 'approve', 'groups', item!], { env, stderrTTY: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toContain(ESC);
    const refused = await runMain(['validate', 'approve', 'groups', item!], { env, stderrTTY: false });
    expect(refused.code).toBe(3);
    expect(refused.stderr).not.toContain(ESC);
    const table = await runMain(['validate', 'history', '--item', item!], { env, stderrTTY: true, stdoutTTY: false });
    expect(table.stdout).toContain('Couleurs');
    expect(table.stdout).not.toContain(ESC);
  });
});
