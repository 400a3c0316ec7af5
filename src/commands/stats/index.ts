import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, outputFileOption, wholeNumber, yearOption } from '../../cli/options.js';
import type { Lazy, OptsOf } from '../types.js';

const employment = (stats: CommandUnknownOpts) =>
  stats
    .command('employment')
    .description('per graduation year: graduates, working, searching, unknown, knowledge rate, employment rate')
    .addOption(new Option('--refresh', 'run the refresh-stats job first (its lock, its history)'))
    .addOption(yearOption('--from <year>', 'from this graduation year'))
    .addOption(yearOption('--to <year>', 'up to this graduation year'))
    .addOption(csvOption());
export type StatsEmploymentOpts = OptsOf<typeof employment>;

const domains = (stats: CommandUnknownOpts) =>
  stats
    .command('domains')
    .description('the same figures per field (domaine), from the users themselves')
    .addOption(yearOption('--annee <year>', 'only this graduation year'))
    .addOption(csvOption());
export type StatsDomainsOpts = OptsOf<typeof domains>;

const report = (stats: CommandUnknownOpts) =>
  stats
    .command('report')
    .description('the outcome report: one self-contained HTML file (and a PDF of it), small cells suppressed')
    .addOption(outputFileOption('--html <file>', 'the HTML report', 'write the report here').makeOptionMandatory())
    .addOption(
      outputFileOption(
        '--pdf <file>',
        'the PDF report',
        'also print it to PDF with the system Chromium ($ALUMNI_CHROMIUM, PATH, /usr/bin/chromium)',
      ),
    )
    .addOption(yearOption('--from <year>', 'from this graduation year'))
    .addOption(yearOption('--to <year>', 'up to this graduation year'))
    .addOption(
      new Option('--min-cell <n>', 'hide figures over fewer graduates than this')
        .default(5)
        .argParser((text: string) => wholeNumber('--min-cell', text, 1, 1000)),
    );
export type StatsReportOpts = OptsOf<typeof report>;

export function registerStats(program: Command, lazy: Lazy): void {
  const stats = program.command('stats').description('employment statistics and the outcome report');
  employment(stats).action(lazy(() => import('./employment.js')));
  domains(stats).action(lazy(() => import('./domains.js')));
  stats
    .command('overview')
    .description('counts of users, organisations, offers, groups, pending moderation, recent imports and job runs')
    .action(lazy(() => import('./overview.js')));
  report(stats).action(lazy(() => import('./report.js')));
}
