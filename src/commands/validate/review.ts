import { ExitCode, UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import type { ItemCard, QueueName, Review } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateReviewOpts } from './index.js';
import { age, describeDecision, minute } from '../../cli/decisions.js';
import { loadReasons, QUEUE_LABEL } from './shared.js';

const KEYS = ['a', 'r', 's', 'o', 'q', 'h'] as const;
const PROMPT = '[a]pprove  [r]eject  [s]kip  [o]pen description  [q]uit  [h]elp';
const HELP = [
  'a  approve: the item is published (valid, or an active organisation)',
  'r  reject: pick a reason template or type one; the author sees it, and the item',
  '   comes back only once it is modified',
  's  skip: leave it for later (or another moderator) and show the next one',
  'o  open: the whole description',
  'q  quit: nothing is held once you leave',
];
/** A card shows this much of the description; `o` shows all of it. */
const SHORT_DESCRIPTION = 600;

interface Tally {
  approved: number;
  rejected: number;
  skipped: number;
}

/**
 * The interactive moderation queue: one card at a time, single-key decisions. Needs a
 * terminal (stdin and stdout); scripts use approve/reject. Everything the moderator
 * reads goes to the screen (stdout), so `2>review.log` leaves it whole.
 */
export const run: CommandRun<ValidateReviewOpts> = async (ctx, { args, opts }) => {
  if (!ctx.canPrompt) {
    throw new UsageError('validate review needs a terminal; in scripts use `alumni validate approve|reject QUEUE ID...`.');
  }
  const { QUEUES, Review } = await import('../../services/moderation/index.js');
  // Checked by the declaration's argument parser.
  const queues = args[0] ? [args[0] as QueueName] : [...QUEUES];
  const reasons = loadReasons(opts.reasons, ctx.io.env);
  const tally: Tally = { approved: 0, rejected: 0, skipped: 0 };
  try {
    await ctx.withDb(async ({ db }) => {
      const session = await ctx.writeSession(db);
      await Review.run(db, session, async (review) => {
        for (const queue of queues) {
          if ((await reviewQueue(ctx, review, queue, reasons, tally)) === 'quit') return;
        }
        ctx.out.screen.info('Nothing more to review.');
      });
    });
  } catch (error) {
    if ((error as Error).name !== 'ExitPromptError') throw error;
    // Ctrl-C: the connection that held the card is closed, so nothing stays held, and
    // no decision was under way (decisions run between prompts, in one transaction).
    ctx.out.screen.line('');
    ctx.out.screen.info(`Interrupted: ${summary(tally)}; nothing is held.`);
    return 130;
  }
  ctx.out.screen.info(summary(tally));
  return ExitCode.ok;
};

function summary(t: Tally): string {
  return `${t.approved} approved, ${t.rejected} rejected, ${t.skipped} skipped`;
}

async function reviewQueue(ctx: Context, review: Review, queue: QueueName, reasons: string[], tally: Tally): Promise<'done' | 'quit'> {
  const { chooseReason, readKey } = await import('../../cli/prompts.js');
  const passed = new Set<string>();
  let shown = 0;
  for (;;) {
    const card = await review.claimNext(queue, passed);
    if (!card) {
      if (shown > 0 || passed.size > 0)
        ctx.out.screen.info(`${QUEUE_LABEL[queue]} queue: nothing more for you${passed.size ? ` (${passed.size} skipped)` : ''}.`);
      return 'done';
    }
    shown += 1;
    const waiting = await review.waiting(queue);
    ctx.out.screen.line('');
    ctx.out.screen.heading(`${queue}: card ${shown}, ${waiting} waiting · ${summary(tally)}`);
    await showCard(ctx, card, false);
    for (;;) {
      const key = await readKey(ctx.io, PROMPT, KEYS);
      if (key === 'h') {
        for (const line of HELP) ctx.out.screen.line(line);
        continue;
      }
      if (key === 'o') {
        ctx.out.screen.line(card.description ?? '(no description)');
        continue;
      }
      if (key === 'q') {
        await review.release();
        return 'quit';
      }
      if (key === 's') {
        passed.add(card.id);
        tally.skipped += 1;
        await review.release();
        break;
      }
      let reason: string | undefined;
      if (key === 'r') {
        reason = await chooseReason(ctx.io, reasons);
        if (!reason) continue; // backed out: the card stays
      }
      const outcome = await review.decide(card, reason === undefined ? { approve: true } : { approve: false, reason });
      if (outcome.status === 'approved' || outcome.status === 'rejected') {
        tally[outcome.status] += 1;
        ctx.out.screen.success(`${outcome.status === 'approved' ? 'Approved' : 'Rejected'}: ${card.title}`);
      } else {
        ctx.out.screen.warn(outcome.message ?? outcome.status);
      }
      break;
    }
  }
}

async function showCard(ctx: Context, card: ItemCard, full: boolean): Promise<void> {
  const description = card.description ?? '';
  const shortened = !full && description.length > SHORT_DESCRIPTION;
  const fields: Array<[string, string]> = [
    ['Id', card.id],
    ['Submitted', `${minute(card.created_at)} (waiting ${age(card.created_at)})`],
  ];
  if (card.queue !== 'orgs') fields.push(['Created by', card.createur ?? 'unknown']);
  if (card.nom_organisation) fields.push(['Organisation', card.nom_organisation]);
  for (const fact of card.facts) fields.push([fact.label, fact.value]);
  fields.push([
    'Description',
    description ? (shortened ? `${description.slice(0, SHORT_DESCRIPTION)}… (o: all of it)` : description) : '(none)',
  ]);
  if (card.decisions.length) fields.push(['Earlier', card.decisions.map(describeDecision).join('\n')]);
  await ctx.out.writeCard(`${QUEUE_LABEL[card.queue]} · ${card.title}`, fields);
}
