import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, enumOption, enumValue, limitOption, sinceOption, untilOption } from '../../cli/options.js';
import { OUTCOMES, QUEUE_ALIASES, QUEUES } from '../../services/moderation/names.js';
import type { Lazy, OptsOf } from '../types.js';

const QUEUE_WORDS = 'formations, groups or orgs';

/** A queue argument, checked before anything runs: its action receives a QueueName. */
const queueArgument = (name: '<queue>' | '[queue]', description = QUEUE_WORDS) =>
  new Argument(name, description).argParser((text: string) => enumValue('Unknown queue', text, QUEUES, QUEUE_ALIASES));

const list = (validate: CommandUnknownOpts) =>
  validate
    .command('list')
    .description('how many items wait in each queue, or the items of one queue, oldest first')
    .addArgument(queueArgument('[queue]'))
    .addOption(limitOption(1000, 'how many items'))
    .addOption(csvOption());
export type ValidateListOpts = OptsOf<typeof list>;

const approve = (validate: CommandUnknownOpts) =>
  validate
    .command('approve')
    .description('approve items (for scripts; see review for the interactive queue)')
    .addArgument(queueArgument('<queue>'))
    .argument('<ids...>', 'item ids');

const reject = (validate: CommandUnknownOpts) =>
  validate
    .command('reject')
    .description('reject items, saying why')
    .addArgument(queueArgument('<queue>'))
    .argument('<ids...>', 'item ids')
    .addOption(new Option('--reason <text>', 'why (required): the author reads it').argParser((text: string) => text.trim()));
export type ValidateRejectOpts = OptsOf<typeof reject>;

const review = (validate: CommandUnknownOpts) =>
  validate
    .command('review')
    .description('review a queue one card at a time, with single-key decisions (needs a terminal)')
    .addArgument(queueArgument('[queue]', `${QUEUE_WORDS} (default: all three, in that order)`))
    .addOption(
      new Option(
        '--reasons <file>',
        'rejection reason templates, one per line (default: ALUMNI_REJECT_REASONS, else built-in French ones)',
      ),
    );
export type ValidateReviewOpts = OptsOf<typeof review>;

const history = (validate: CommandUnknownOpts) =>
  validate
    .command('history')
    .description('moderation decisions, newest first')
    .addOption(enumOption('--queue <queue>', 'only this queue', QUEUES, QUEUE_ALIASES))
    .addOption(new Option('--item <id>', 'decisions on this item'))
    .addOption(new Option('--moderator <ref>', 'decisions made (or withdrawn) by this user: id, e-mail or matricule'))
    .addOption(enumOption('--outcome <outcome>', 'only decisions that ended so', OUTCOMES))
    .addOption(sinceOption('decided since'))
    .addOption(untilOption('decided before'))
    .addOption(limitOption(100))
    .addOption(csvOption());
export type ValidateHistoryOpts = OptsOf<typeof history>;

const reopen = (validate: CommandUnknownOpts) =>
  validate
    .command('reopen')
    .description('undo a decision made by mistake: the item returns to its queue')
    .addArgument(queueArgument('<queue>'))
    .argument('<id>', 'item id');

export function registerValidate(program: Command, lazy: Lazy): void {
  const validate = program.command('validate').description('moderation: formations, groups and organisations waiting for approval');
  list(validate).action(lazy(() => import('./list.js')));
  approve(validate).action(lazy(() => import('./approve.js')));
  reject(validate).action(lazy(() => import('./reject.js')));
  review(validate).action(lazy(() => import('./review.js')));
  history(validate).action(lazy(() => import('./history.js')));
  reopen(validate).action(lazy(() => import('./reopen.js')));
}
