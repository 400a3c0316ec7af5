/**
 * The words of moderation, apart from its SQL: the command declarations import them
 * to check arguments, and `alumni --help` must not load the query builder.
 */
export const QUEUES = ['formations', 'groups', 'orgs'] as const;
export type QueueName = (typeof QUEUES)[number];

export const QUEUE_ALIASES: Record<string, QueueName> = {
  formation: 'formations',
  trainings: 'formations',
  group: 'groups',
  groupes: 'groups',
  groupe: 'groups',
  org: 'orgs',
  organisations: 'orgs',
  organisation: 'orgs',
};

/** What became of a decision, as `validate history --outcome` filters it. */
export const OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const;
export type DecisionOutcomeName = (typeof OUTCOMES)[number];
