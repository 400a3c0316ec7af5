import { ExitCode, problem, UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import { formats, t } from '../../i18n/messages.js';
import type { FactKey, ItemCard, QueueName, Review } from '../../services/moderation/index.js';
import type { ContactView } from '../../services/orgs.js';
import type { CommandRun } from '../types.js';
import type { ValidateReviewOpts } from './index.js';
import { age, describeDecision, minute } from '../../cli/decisions.js';
import { loadReasons, queueLabel, sayOutcome } from './shared.js';

// The keys are the same in every language; the prompt and the help say what they do.
const KEYS = ['a', 'r', 's', 'o', 'q', 'h'] as const;
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
  if (!ctx.canPrompt) throw new UsageError(problem('validate.review.needs_terminal'));
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
        ctx.out.screen.info(t('validate.review.nothing_more'));
      });
    });
  } catch (error) {
    if ((error as Error).name !== 'ExitPromptError') throw error;
    // Ctrl-C: the connection that held the card is closed, so nothing stays held, and
    // no decision was under way (decisions run between prompts, in one transaction).
    ctx.out.screen.line('');
    ctx.out.screen.info(t('validate.review.interrupted', { summary: summary(tally) }));
    return 130;
  }
  ctx.out.screen.info(summary(tally));
  return ExitCode.ok;
};

/** The keys' line, in its short form where the long one would not fit on one line. */
function keysPrompt(ctx: Context): string {
  const long = t('validate.review.prompt');
  return [...long].length <= (ctx.io.stdout.columns || 80) ? long : t('validate.review.prompt_short');
}

function summary(tally: Tally): string {
  return t('validate.review.summary', tally);
}

async function reviewQueue(ctx: Context, review: Review, queue: QueueName, reasons: string[], tally: Tally): Promise<'done' | 'quit'> {
  const { chooseReason, readKey } = await import('../../cli/prompts.js');
  const passed = new Set<string>();
  let shown = 0;
  for (;;) {
    const card = await review.claimNext(queue, passed);
    if (!card) {
      if (shown > 0 || passed.size > 0) ctx.out.screen.info(t('validate.review.queue_done', { queue, skipped: passed.size }));
      return 'done';
    }
    shown += 1;
    const waiting = await review.waiting(queue);
    ctx.out.screen.line('');
    const heading = t('validate.review.heading', { queue, card: shown, waiting, summary: summary(tally) });
    // Too wide for the terminal: its two halves (where it is, what was decided) on two lines.
    const fits = [...heading].length <= (ctx.io.stdout.columns || 80);
    for (const part of fits ? [heading] : heading.split(' · ')) ctx.out.screen.heading(part);
    await showCard(ctx, card, false);
    for (;;) {
      const key = await readKey(ctx.io, keysPrompt(ctx), KEYS);
      if (key === 'h') {
        for (const line of t('validate.review.help').split('\n')) ctx.out.screen.line(line);
        continue;
      }
      if (key === 'o') {
        ctx.out.screen.line(card.description ?? t('validate.review.no_description'));
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
        ctx.out.screen.success(
          t(outcome.status === 'approved' ? 'validate.review.approved' : 'validate.review.rejected', { title: card.title }),
        );
      } else {
        ctx.out.screen.warn(sayOutcome(outcome));
      }
      break;
    }
  }
}

/** What a card calls each fact of an item. */
const FACT_LABELS = {
  type: 'validate.card.type',
  place: 'validate.card.place',
  organiser: 'validate.card.organiser',
  dates: 'validate.card.dates',
  price: 'validate.card.price',
  link: 'validate.card.link',
  contact: 'validate.card.contact',
  max_members: 'validate.card.max_members',
  sector: 'validate.card.sector',
  website: 'validate.card.website',
  email: 'validate.card.email',
  phone: 'validate.card.phone',
} as const satisfies Record<FactKey, string>;

/** A fact's value as a person reads it: dates, prices and numbers in the run's language. */
function factValue(key: FactKey, value: string): string {
  const f = formats();
  if (key === 'price') {
    if (value === 'free') return t('validate.card.free');
    const [amount, currency] = value.split(' ');
    return amount && currency && Number.isFinite(Number(amount)) ? f.money(Number(amount), currency) : value;
  }
  if (key === 'max_members') return value === 'none' ? t('validate.card.no_limit') : f.integer(Number(value));
  if (key === 'dates') {
    // Calendar days (YYYY-MM-DD), written as the language writes a date.
    return value.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_all, y: string, m: string, d: string) =>
      f.date(new Date(Number(y), Number(m) - 1, Number(d))),
    );
  }
  return value;
}

/** A person as a moderator reads them: name and e-mail, when there is one. */
function person(who: { nom_complet: string; email: string | null }): string {
  return who.email ? t('validate.card.person', { name: who.nom_complet, email: who.email }) : who.nom_complet;
}

/** One contact on one line: name, role (principal or not), e-mail, phone. */
function contactLine(contact: ContactView): string {
  const role = contact.poste ? `${contact.role_contact}, ${contact.poste}` : contact.role_contact;
  return [
    t(contact.est_contact_principal ? 'validate.card.principal_contact' : 'validate.card.contact_name', {
      name: contact.nom_complet,
      role,
    }),
    contact.email_professionnel ?? contact.email,
    contact.telephone_professionnel,
  ]
    .filter(Boolean)
    .join(' · ');
}

async function showCard(ctx: Context, card: ItemCard, full: boolean): Promise<void> {
  const description = card.description ?? '';
  const shortened = !full && description.length > SHORT_DESCRIPTION;
  const fields: Array<[string, string]> = [
    [t('validate.card.id'), card.id],
    [t('validate.card.submitted'), t('validate.card.submitted_value', { at: minute(card.created_at), age: age(card.created_at) })],
  ];
  if (card.queue !== 'orgs') fields.push([t('validate.card.created_by'), card.createur ?? t('validate.card.unknown')]);
  else fields.push([t('validate.card.submitted_by'), card.submitter ? person(card.submitter) : t('validate.card.submitter_unknown')]);
  if (card.nom_organisation) fields.push([t('validate.card.organisation'), card.nom_organisation]);
  for (const fact of card.facts) fields.push([t(FACT_LABELS[fact.key]), factValue(fact.key, fact.value)]);
  if (card.organisation) {
    const { contacts, possibly_same_as } = card.organisation;
    fields.push([t('validate.card.contacts'), contacts.length ? contacts.map(contactLine).join('\n') : t('validate.card.no_contact')]);
    if (possibly_same_as.length) {
      fields.push([
        t('validate.card.duplicate'),
        possibly_same_as.map((other) => t('validate.card.possibly_same_as', { name: other.nom_organisation, id: other.id })).join('\n'),
      ]);
    }
  }
  fields.push([
    t('validate.card.description'),
    description
      ? shortened
        ? t('validate.card.shortened', { text: description.slice(0, SHORT_DESCRIPTION) })
        : description
      : t('validate.card.none'),
  ]);
  if (card.decisions.length) fields.push([t('validate.card.earlier'), card.decisions.map(describeDecision).join('\n')]);
  await ctx.out.writeCard(`${queueLabel(card.queue)} · ${card.title}`, fields);
}
