// Every time below is read in Porto-Novo (UTC+01:00, no summer time): set before any date is formatted.
process.env.TZ = 'Africa/Porto-Novo';

import { sql } from 'kysely';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/services/jobs.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { seedModerationUsers } from '../support/moderation.js';
import { startInPty } from '../support/pty.js';
import { rosterWithKnownFigures } from '../support/stats.js';

/**
 * groups, validate, stats, jobs and migrate fitted to an 80-column terminal (issue 27,
 * points 1, 7, 12): no line wider than the terminal, a cell too long cut with …, times in
 * the local time zone; off a terminal tab-separated rows, nothing cut, times in ISO 8601
 * with the offset; an empty list said on a terminal and nothing on stdout off one.
 */
describe('lists and records fitted to the terminal, in local time', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  /** 09:15 UTC: 10:15 in Porto-Novo. */
  const AT = '2026-11-20T09:15:00Z';
  const LONG_NAME = 'Association des anciens élèves de la filière génie civil et environnement, promotion 2020';
  const LONG_TEXT = `Bonjour à toutes et à tous : ${'la réunion annuelle aura lieu au campus principal, salle des conférences. '.repeat(3)}`;
  let groupId: string;
  let messageId: string;

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example', LANG: 'C.UTF-8' };
    const { author, moderator1 } = await seedModerationUsers(t.db);
    const group = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: LONG_NAME, createur_id: author, est_valide: true, created_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupId = group.id;
    await t.db.insertInto('membre_groupe').values({ groupe_id: groupId, utilisateur_id: author, date_adhesion: AT }).execute();
    const message = await t.db
      .insertInto('message')
      .values({ groupe_id: groupId, utilisateur_id: author, texte: LONG_TEXT, created_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    messageId = message.id;
    await t.db
      .insertInto('validation_groupe')
      .values({ groupe_id: groupId, validateur_id: moderator1, est_approuve: true, commentaire: 'Conforme', date_validation: AT })
      .execute();
    await sql`insert into alumni_admin.job_run (job, status, rows, started_at, finished_at, user_agent)
      values ('expire-offers', 'ok', '{"stage": 3, "emploi": 1}', ${AT}, ${AT}::timestamptz + interval '2 seconds', 'alumni/test cron')`.execute(
      t.db,
    );
    await rosterWithKnownFigures(t.db);
    await runJob(t.db, 'refresh-stats', 'alumni/test');
  });
  afterAll(() => t.close());

  /** On an 80-column terminal, in process: the lines a person sees. */
  const onTerminal = async (args: string[]) => {
    const result = await runMain(args, { env, stdoutTTY: true, columns: 80 });
    expect(result.code, args.join(' ')).toBe(0);
    return { ...result, lines: stripVTControlCharacters(result.stdout).trimEnd().split('\n') };
  };
  const piped = async (args: string[]) => {
    const result = await runMain(args, { env });
    expect(result.code, args.join(' ')).toBe(0);
    return result.stdout.replace(/\n$/, '').split('\n');
  };
  const fits = (lines: string[]) => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  };

  it.each([
    ['groups list', ['groups', 'list']],
    ['groups members list', ['groups', 'members', 'list', LONG_NAME, '--all']],
    ['groups messages list', ['groups', 'messages', 'list', LONG_NAME]],
    ['validate list', ['validate', 'list', 'groups']],
    ['validate history', ['validate', 'history', '--columns', 'all']],
    ['jobs list', ['jobs', 'list', '--columns', 'all']],
    ['jobs history', ['jobs', 'history', '--columns', 'all']],
    ['stats employment', ['stats', 'employment', '--columns', 'all']],
    ['stats domains', ['stats', 'domains']],
    ['migrate status', ['migrate', 'status']],
  ])('%s: no line wider than 80 columns', async (_name, args) => {
    fits((await onTerminal(args)).lines);
  });

  it('groups: a name and a message too long for the line are cut with …, whole off a terminal', async () => {
    const list = await onTerminal(['groups', 'list']);
    // Headers give way first, then the widest cells.
    expect(list.lines[0]).toMatch(/^Name +Type +Valid +Activ/);
    expect(list.lines[1]).toMatch(/^Association des anciens élèves.*… +public +yes +1 *$/);
    expect((await piped(['groups', 'list']))[0]!.split('\t')).toEqual([LONG_NAME, 'public', 'true', '1', '']);

    // The message: when (local), who, what (cut), and the id last, cut too: `messages delete` takes it whole from --columns id.
    const messages = await onTerminal(['groups', 'messages', 'list', LONG_NAME]);
    expect(messages.lines[1]).toMatch(/^20 Nov 2026, 10:15 +awa@exemple\.sn +Bonjour à toutes.*… +\S*$/);
    expect((await piped(['groups', 'messages', 'list', LONG_NAME]))[0]!.split('\t')).toEqual([
      '2026-11-20T10:15:00+01:00',
      'awa@exemple.sn',
      LONG_TEXT,
      messageId,
    ]);
    expect(await piped(['groups', 'messages', 'list', LONG_NAME, '--columns', 'id'])).toEqual([messageId]);

    // Members: joined in local time on a terminal, ISO 8601 with the offset off one.
    const members = await onTerminal(['groups', 'members', 'list', LONG_NAME]);
    expect(members.lines[0]).toMatch(/^Name +E-mail +Role +Joined$/);
    expect(members.lines[1]).toMatch(/^Awa Ndiaye +awa@exemple\.sn +membre +20 Nov 2026, 10:15$/);
    expect(await piped(['groups', 'members', 'list', LONG_NAME])).toEqual([
      'Awa Ndiaye\tawa@exemple.sn\tmembre\t2026-11-20T10:15:00+01:00',
    ]);
    // CSV is unchanged: UTC, every column.
    const csv = await runMain(['groups', 'members', 'list', LONG_NAME, '--csv'], { env });
    expect(csv.stdout).toBe(
      'nom_complet,email,matricule,role_membre,date_adhesion\nAwa Ndiaye,awa@exemple.sn,ETU-1,membre,2026-11-20T09:15:00.000Z\n',
    );
  });

  it('groups show: one "label: value" line per field, local times on a terminal, ISO with the offset off one', async () => {
    const shown = await onTerminal(['groups', 'show', LONG_NAME]);
    expect(shown.lines.find((line) => line.startsWith('Created'))).toMatch(/^Created[^:]*: +20 Nov 2026, 10:15$/);
    expect(shown.lines.find((line) => line.startsWith('Valid:'))).toMatch(/^Valid: +yes$/);
    const plain = await piped(['groups', 'show', LONG_NAME]);
    expect(plain.find((line) => line.startsWith('Created'))).toMatch(/^Created[^:]*: +2026-11-20T10:15:00\+01:00$/);
    expect(plain.find((line) => line.startsWith('Moderation'))).toMatch(
      /^Moderation: +20 Nov 2026, 10:15 approved by m1@ecole\.example: Conforme$/,
    );
  });

  it('validate history and jobs history: the local time in the table, ISO 8601 with +01:00 off a terminal', async () => {
    const history = await onTerminal(['validate', 'history']);
    expect(history.lines[0]).toMatch(/^Decided +Queue +Title +Outcome +Moderator$/);
    expect(history.lines[1]).toMatch(/^20 Nov 2026, 10:15 +groups +Association.*… +approved +m1@ecole\.example$/);
    expect((await piped(['validate', 'history', '--columns', 'all']))[0]!.split('\t')).toEqual([
      '2026-11-20T10:15:00+01:00',
      'groups',
      LONG_NAME,
      'approved',
      'm1@ecole.example',
      'Conforme',
      groupId,
    ]);
    const csv = await runMain(['validate', 'history', '--csv'], { env });
    expect(csv.stdout.split('\n')[1]).toMatch(/^2026-11-20T09:15:00\.000Z,groups,/);

    const runs = await onTerminal(['jobs', 'history', 'expire-offers']);
    expect(runs.lines[0]).toMatch(/^Started +Job +Status +Took +Rows +Error$/);
    expect(runs.lines.at(-1)).toMatch(/^20 Nov 2026, 10:15 +expire-offers +ok +2\.00s +3 stages, 1 emploi *$/);
    expect((await piped(['jobs', 'history', 'expire-offers'])).at(-1)!.split('\t')).toEqual([
      '2026-11-20T10:15:00+01:00',
      'expire-offers',
      'ok',
      '2.00s',
      '3 stages, 1 emploi',
      '',
    ]);
    expect((await piped(['jobs', 'history', 'expire-offers', '--columns', 'job,by'])).at(-1)).toBe('expire-offers\talumni/test cron');
  });

  it('stats overview: label: value lines, the time counted from local, ISO with the offset off a terminal', async () => {
    const shown = await onTerminal(['stats', 'overview']);
    expect(shown.lines.at(-1)).toMatch(/^Imports and job runs since \(30 days\): +\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
    expect((await piped(['stats', 'overview'])).at(-1)).toMatch(/: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00$/);
  });

  it('an empty list says so on a terminal, and writes nothing off one', async () => {
    const cases: Array<[string[], string]> = [
      [['groups', 'list', '--search', 'zzz'], 'No group matches these filters.'],
      [['groups', 'messages', 'list', LONG_NAME, '--since', '2099-01-01'], 'No message matches these filters.'],
      [['validate', 'list', 'orgs'], 'Nothing waits in this queue.'],
      [['validate', 'history', '--since', '2099-01-01'], 'No decision matches these filters.'],
      [['jobs', 'history', 'purge-audit'], 'No run recorded yet.'],
      [['stats', 'employment', '--from', '1990', '--to', '1991'], 'No graduating class in these years.'],
    ];
    for (const [args, said] of cases) {
      const shown = await runMain(args, { env, stdoutTTY: true, columns: 80 });
      expect(shown, args.join(' ')).toMatchObject({ code: 0, stdout: '' });
      expect(shown.stderr.split('\n')[0], args.join(' ')).toBe(said);
      const off = await runMain(args, { env });
      expect(off, args.join(' ')).toMatchObject({ code: 0, stdout: '' });
      expect(off.stderr, args.join(' ')).not.toContain(said);
    }
  });

  it('--columns: an unknown name is refused with exit 2, naming the columns there are', async () => {
    const refused = await runMain(['validate', 'history', '--columns', 'title,nope'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'No column "nope" in this list: choose among date_validation, queue, title, outcome, moderator, comment, item',
    );
  });

  it('on a real 80-column terminal: jobs history fits, in the local time of TZ', async () => {
    const pty = startInPty(['jobs', 'history', 'expire-offers'], { ...env, TZ: 'Africa/Porto-Novo' });
    expect(await pty.exited).toBe(0);
    const lines = pty.screen.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(pty.screen).toMatch(/^20 Nov 2026, 10:15 +expire-offers +ok/m);
  });
});
