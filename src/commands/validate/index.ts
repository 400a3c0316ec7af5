import type { Command } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerValidate(program: Command, lazy: Lazy): void {
  const validate = program.command('validate').description('moderation: formations, groups and organisations waiting for approval');
  validate
    .command('list')
    .description('how many items wait in each queue, or the items of one queue, oldest first')
    .argument('[queue]', 'formations, groups or orgs')
    .option('--limit <n>', 'how many items', '1000')
    .option('--csv', 'CSV on stdout')
    .action(lazy(() => import('./list.js')));
  validate
    .command('approve')
    .description('approve items (for scripts; see review for the interactive queue)')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<ids...>', 'item ids')
    .action(lazy(() => import('./approve.js')));
  validate
    .command('reject')
    .description('reject items, saying why')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<ids...>', 'item ids')
    .option('--reason <text>', 'why (required): the author reads it')
    .action(lazy(() => import('./reject.js')));
  validate
    .command('review')
    .description('review a queue one card at a time, with single-key decisions (needs a terminal)')
    .argument('[queue]', 'formations, groups or orgs (default: all three, in that order)')
    .option('--reasons <file>', 'rejection reason templates, one per line (default: ALUMNI_REJECT_REASONS, else built-in French ones)')
    .action(lazy(() => import('./review.js')));
  validate
    .command('history')
    .description('moderation decisions, newest first')
    .option('--queue <queue>', 'formations, groups or orgs')
    .option('--item <id>', 'decisions on this item')
    .option('--moderator <ref>', 'decisions made (or withdrawn) by this user: id, e-mail or matricule')
    .option('--outcome <outcome>', 'approved, rejected or withdrawn')
    .option('--since <when>', 'a date (2026-01-31, 2026-01-31T08:00) or a duration back from now (90min, 12h, 7d, 2w, 6mo, 1y)')
    .option('--until <when>', 'before this date, or this duration back from now')
    .option('--limit <n>', 'how many', '100')
    .option('--csv', 'CSV on stdout')
    .action(lazy(() => import('./history.js')));
  validate
    .command('reopen')
    .description('undo a decision made by mistake: the item returns to its queue')
    .argument('<queue>', 'formations, groups or orgs')
    .argument('<id>', 'item id')
    .action(lazy(() => import('./reopen.js')));
}
