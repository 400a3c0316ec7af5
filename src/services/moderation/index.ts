/**
 * Moderation: the queues (queues.ts: per-queue spec, counts), what waits (pending.ts:
 * lists and cards), decisions (decide.ts: decide, decideMany, reopen), their history
 * (history.ts) and the interactive review (review.ts).
 */
export { OUTCOMES, QUEUE_ALIASES, QUEUES, type DecisionOutcomeName, type QueueName } from './names.js';
export { pendingCounts, pendingModerationCounts, type PendingCounts, type QueueCount } from './queues.js';
export { FACT_KEYS, listPending, loadCard, type FactKey, type ItemCard, type PendingItem } from './pending.js';
export {
  decide,
  decideMany,
  reopen,
  type BatchDecision,
  type DecisionOutcome,
  type DecisionStatus,
  type LastDecision,
  type ReopenOutcome,
  type Verdict,
} from './decide.js';
export { listDecisions, type DecisionView, type HistoryFilters } from './history.js';
export { Review } from './review.js';
