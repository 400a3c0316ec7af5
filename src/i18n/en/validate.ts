/** English messages of the validate area (moderation): keys start with "validate.". */
type Queue = 'formations' | 'groups' | 'orgs';
const NOUN: Record<Queue, string> = { formations: 'formation', groups: 'group', orgs: 'organisation' };
const Noun = (q: Queue) => NOUN[q].charAt(0).toUpperCase() + NOUN[q].slice(1);

export default {
  // Help
  'validate.help.description': 'moderation: formations, groups and organisations waiting for approval',
  'validate.help.queue': 'formations, groups or orgs',
  'validate.help.queue_all': 'formations, groups or orgs (default: all three, in that order)',
  'validate.help.unknown_queue': 'Unknown queue',
  'validate.help.list': 'how many items wait in each queue, or the items of one queue, oldest first',
  'validate.help.list_limit': 'how many items',
  'validate.help.approve': 'approve items (for scripts; see review for the interactive queue)',
  'validate.help.ids': 'item ids',
  'validate.help.id': 'item id',
  'validate.help.reject': 'reject items, saying why',
  'validate.help.reason': 'why (required): the author reads it',
  'validate.help.review': 'review a queue one card at a time, with single-key decisions (needs a terminal)',
  'validate.help.reasons':
    'rejection reason templates, one per line (default: ALUMNI_REJECT_REASONS, else built-in ones in the language of the review)',
  'validate.help.history': 'moderation decisions, newest first',
  'validate.help.history_queue': 'only this queue',
  'validate.help.history_item': 'decisions on this item',
  'validate.help.history_moderator': 'decisions made (or withdrawn) by this user: id, e-mail or matricule',
  'validate.help.history_outcome': 'only decisions that ended so',
  'validate.help.history_since': 'decided since',
  'validate.help.history_until': 'decided before',
  'validate.help.history_limit': 'how many',
  'validate.help.reopen': 'undo a decision made by mistake: the item returns to its queue',

  // Queues, in words
  'validate.queue.formations': 'Formation',
  'validate.queue.groups': 'Group',
  'validate.queue.orgs': 'Organisation',

  // Tables (labels; the CSV headers stay as they are)
  'validate.column.queue': 'Queue',
  'validate.column.pending': 'Waiting',
  'validate.column.oldest': 'Oldest waiting',
  'validate.column.id': 'Id',
  'validate.column.waiting': 'Waiting for',
  'validate.column.title': 'Title',
  'validate.column.created_by': 'Created by',
  'validate.column.organisation': 'Organisation',
  'validate.column.decided': 'Decided',
  'validate.column.item': 'Item',
  'validate.column.outcome': 'Outcome',
  'validate.column.moderator': 'Moderator',
  'validate.column.comment': 'Comment',
  'validate.outcome.approved': 'approved',
  'validate.outcome.rejected': 'rejected',
  'validate.outcome.withdrawn_suffix': ' (withdrawn)',

  // Waiting times: "12m", "5h", "3d"
  'validate.age.minutes': (p: { n: number }) => `${p.n}m`,
  'validate.age.hours': (p: { n: number }) => `${p.n}h`,
  'validate.age.days': (p: { n: number }) => `${p.n}d`,

  // One decision, as history lines, cards and `show` records read it
  'validate.decision.line': (p: {
    at: string;
    approved: boolean;
    by: string | null;
    comment: string | null;
    withdrawnAt: string | null;
    withdrawnBy: string | null;
  }) =>
    `${p.at} ${p.approved ? 'approved' : 'rejected'} by ${p.by ?? 'a deleted user'}${p.comment ? `: ${p.comment}` : ''}` +
    (p.withdrawnAt ? ` (withdrawn ${p.withdrawnAt} by ${p.withdrawnBy ?? 'a deleted user'})` : ''),

  // validate list

  // Decisions (approve, reject, review)
  'validate.no_item': (p: { queue: Queue; id: string }) => `No ${NOUN[p.queue]} has id ${p.id}.`,
  'validate.unknown_ids': (p: { queue: Queue; ids: string[] }) => `No ${NOUN[p.queue]} with id ${p.ids.join(', ')}; nothing was decided.`,
  'validate.reason_required': (p: { field: string }) => `A rejection needs a reason (${p.field} TEXT).`,
  'validate.reject.reason_required': 'A rejection needs a reason: --reason TEXT (the author reads it).',
  'validate.status.held': (p: { queue: Queue; id: string }) =>
    `${NOUN[p.queue]} ${p.id} is being reviewed by another moderator right now; skipped.`,
  'validate.status.already_decided': (p: { queue: Queue; id: string; approved: boolean | null; by: string | null; at: string | null }) =>
    `${NOUN[p.queue]} ${p.id} is not waiting any more (${
      p.approved === null
        ? 'no longer waiting for moderation'
        : `${p.approved ? 'approved' : 'rejected'} by ${p.by ?? 'a deleted user'} on ${p.at}`
    }); skipped.`,
  'validate.status.changed': (p: { queue: Queue; id: string }) =>
    `${NOUN[p.queue]} ${p.id} was modified since it was shown; not decided, look at it again.`,
  'validate.batch.summary': (p: { decided: number; skipped: number }) => `${p.decided} decided, ${p.skipped} skipped.`,

  // validate reopen
  'validate.reopen.done': (p: { queue: Queue; id: string; withdrawn: number }) =>
    `${p.queue} ${p.id} is back in its queue (${p.withdrawn} decision(s) withdrawn).`,
  'validate.reopen.held': (p: { queue: Queue; id: string }) => `${NOUN[p.queue]} ${p.id} is being reviewed by another moderator right now.`,
  'validate.reopen.not_reopenable': (p: { queue: Queue; id: string }) =>
    `${NOUN[p.queue]} ${p.id} was made inactive since; reactivate it rather than reopen it.`,
  'validate.reopen.not_decided': (p: { queue: Queue; id: string }) => `${NOUN[p.queue]} ${p.id} has no decision to undo.`,

  // validate history
  'validate.history.bad_item': (p: { value: string }) => `--item ${p.value}: give an item id (a UUID).`,

  // Reason templates
  'validate.reasons.unreadable': (p: { path: string; error: string }) => `Cannot read the reason templates ${p.path}: ${p.error}.`,
  'validate.reasons.empty': (p: { path: string }) => `${p.path} holds no reason template (one per line).`,
  'validate.reasons.default.incomplete': 'Incomplete information: please give the dates, the place and a contact.',
  'validate.reasons.default.duplicate': 'Duplicate: this item is already published on the platform.',
  'validate.reasons.default.out_of_scope': "Outside the alumni platform's scope.",
  'validate.reasons.default.advertising': 'Unsolicited advertising or commercial content.',
  'validate.reasons.default.price': 'Price or currency missing or inconsistent.',
  'validate.reasons.default.too_short': 'Description too short or unclear: please complete it.',

  // The interactive review
  'validate.review.needs_terminal': 'validate review needs a terminal; in scripts use `alumni validate approve|reject QUEUE ID...`.',
  'validate.review.prompt': '[a]pprove  [r]eject  [s]kip  [o]pen description  [q]uit  [h]elp',
  'validate.review.help': [
    'a  approve: the item is published (valid, or an active organisation)',
    'r  reject: pick a reason template or type one; the author sees it, and the item',
    '   comes back only once it is modified',
    's  skip: leave it for later (or another moderator) and show the next one',
    'o  open: the whole description',
    'q  quit: nothing is held once you leave',
  ].join('\n'),
  'validate.review.reason_prompt': 'Reason',
  'validate.review.type_reason': 'Type a reason…',
  'validate.review.typed_reason': 'Reason (empty: back to the card)',
  'validate.review.nothing_more': 'Nothing more to review.',
  'validate.review.interrupted': (p: { summary: string }) => `Interrupted: ${p.summary}; nothing is held.`,
  'validate.review.summary': (p: { approved: number; rejected: number; skipped: number }) =>
    `${p.approved} approved, ${p.rejected} rejected, ${p.skipped} skipped`,
  'validate.review.queue_done': (p: { queue: Queue; skipped: number }) =>
    `${Noun(p.queue)} queue: nothing more for you${p.skipped ? ` (${p.skipped} skipped)` : ''}.`,
  'validate.review.heading': (p: { queue: Queue; card: number; waiting: number; summary: string }) =>
    `${p.queue}: card ${p.card}, ${p.waiting} waiting · ${p.summary}`,
  'validate.review.no_description': '(no description)',
  'validate.review.approved': (p: { title: string }) => `Approved: ${p.title}`,
  'validate.review.rejected': (p: { title: string }) => `Rejected: ${p.title}`,

  // A card
  'validate.card.id': 'Id',
  'validate.card.submitted': 'Submitted',
  'validate.card.submitted_value': (p: { at: string; age: string }) => `${p.at} (waiting ${p.age})`,
  'validate.card.created_by': 'Created by',
  'validate.card.unknown': 'unknown',
  'validate.card.organisation': 'Organisation',
  'validate.card.description': 'Description',
  'validate.card.shortened': (p: { text: string }) => `${p.text}… (o: all of it)`,
  'validate.card.none': '(none)',
  'validate.card.earlier': 'Earlier',
  'validate.card.type': 'Type',
  'validate.card.place': 'Place',
  'validate.card.organiser': 'Organiser',
  'validate.card.dates': 'Dates',
  'validate.card.price': 'Price',
  'validate.card.free': 'free',
  'validate.card.link': 'Link',
  'validate.card.contact': 'Contact',
  'validate.card.max_members': 'Max members',
  'validate.card.no_limit': 'no limit',
  'validate.card.sector': 'Sector',
  'validate.card.website': 'Website',

  // The review card of an organisation: who submitted it, its contacts, a likely duplicate
  'validate.card.email': 'E-mail',
  'validate.card.phone': 'Phone',
  'validate.card.submitted_by': 'Submitted by',
  'validate.card.submitter_unknown': 'unknown (no record of who added it)',
  'validate.card.person': (p: { name: string; email: string }) => `${p.name} <${p.email}>`,
  'validate.card.contacts': 'Contacts',
  'validate.card.no_contact': '(none)',
  'validate.card.contact_name': (p: { name: string; role: string }) => `${p.name} (${p.role})`,
  'validate.card.principal_contact': (p: { name: string; role: string }) => `${p.name} (principal, ${p.role})`,
  'validate.card.duplicate': 'Duplicate?',
  'validate.card.possibly_same_as': (p: { name: string; id: string }) => `Possibly the same as: ${p.name} (${p.id})`,
  'validate.review.prompt_short': '[a]pprove [r]eject [s]kip [o]pen [q]uit [h]elp',
  'validate.review.reason_escape': '(Esc: back to the card)',
  'validate.list.empty': 'Nothing waits in this queue.',
  'validate.history.empty': 'No decision matches these filters.',
  'validate.reopen.nothing': 'Nothing reopened.',
} satisfies Record<`validate.${string}`, string | ((params: never) => string)>;
