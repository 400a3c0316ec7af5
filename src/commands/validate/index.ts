import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, enumOption, enumValue, limitOption, sinceOption, untilOption } from '../../cli/options.js';
import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { isUuid } from '../../values.js';
import { OUTCOMES, QUEUE_ALIASES, QUEUES } from '../../services/moderation/names.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

/** A queue argument, checked before anything runs: its action receives a QueueName. */
const queueArgument = (name: '<queue>' | '[queue]', description = t('validate.help.queue')) =>
  new Argument(name, description).argParser((text: string) => enumValue(t('validate.help.unknown_queue'), text, QUEUES, QUEUE_ALIASES));

/** --item: an item id (a UUID), lower-cased. */
function itemId(text: string): string {
  const id = text.trim().toLowerCase();
  if (!isUuid(id)) throw new UsageError(problem('validate.history.bad_item', { value: text }));
  return id;
}

const list = (validate: CommandUnknownOpts) =>
  validate
    .command('list')
    .description(t('validate.help.list'))
    .addArgument(queueArgument('[queue]'))
    .addOption(limitOption(1000, t('validate.help.list_limit')))
    .addOption(csvOption())
    .addOption(columnsOption());
export type ValidateListOpts = OptsOf<typeof list>;

const approve = (validate: CommandUnknownOpts) =>
  validate
    .command('approve')
    .description(t('validate.help.approve'))
    .addArgument(queueArgument('<queue>'))
    .argument('<ids...>', t('validate.help.ids'));

const reject = (validate: CommandUnknownOpts) =>
  validate
    .command('reject')
    .description(t('validate.help.reject'))
    .addArgument(queueArgument('<queue>'))
    .argument('<ids...>', t('validate.help.ids'))
    .addOption(new Option('--reason <text>', t('validate.help.reason')).argParser((text: string) => text.trim()).makeOptionMandatory());
export type ValidateRejectOpts = OptsOf<typeof reject>;

const review = (validate: CommandUnknownOpts) =>
  validate
    .command('review')
    .description(t('validate.help.review'))
    .addArgument(queueArgument('[queue]', t('validate.help.queue_all')))
    .addOption(new Option('--reasons <file>', t('validate.help.reasons')));
export type ValidateReviewOpts = OptsOf<typeof review>;

const history = (validate: CommandUnknownOpts) =>
  validate
    .command('history')
    .description(t('validate.help.history'))
    .addOption(enumOption('--queue <queue>', t('validate.help.history_queue'), QUEUES, QUEUE_ALIASES))
    .addOption(new Option('--item <id>', t('validate.help.history_item')).argParser(itemId))
    .addOption(new Option('--moderator <ref>', t('validate.help.history_moderator')))
    .addOption(enumOption('--outcome <outcome>', t('validate.help.history_outcome'), OUTCOMES))
    .addOption(sinceOption(t('validate.help.history_since')))
    .addOption(untilOption(t('validate.help.history_until')))
    .addOption(limitOption(100, t('validate.help.history_limit')))
    .addOption(csvOption())
    .addOption(columnsOption());
export type ValidateHistoryOpts = OptsOf<typeof history>;

const reopen = (validate: CommandUnknownOpts) =>
  validate
    .command('reopen')
    .description(t('validate.help.reopen'))
    .addArgument(queueArgument('<queue>'))
    .argument('<id>', t('validate.help.id'));

export function registerValidate(program: Command, lazy: Lazy): void {
  const validate = program.command('validate').description(t('validate.help.description'));
  list(validate).action(lazy(() => import('./list.js')));
  approve(validate).action(lazy(() => import('./approve.js')));
  reject(validate).action(lazy(() => import('./reject.js')));
  review(validate).action(lazy(() => import('./review.js')));
  history(validate).action(lazy(() => import('./history.js')));
  reopen(validate).action(lazy(() => import('./reopen.js')));
}
