import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, outputFileOption, wholeNumber, yearOption } from '../../cli/options.js';
import { t } from '../../i18n/messages.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const employment = (stats: CommandUnknownOpts) =>
  stats
    .command('employment')
    .description(t('stats.employment.description'))
    .addOption(new Option('--refresh', t('stats.employment.refresh')))
    .addOption(yearOption('--from <year>', t('stats.option.from')))
    .addOption(yearOption('--to <year>', t('stats.option.to')))
    .addOption(csvOption())
    .addOption(columnsOption());
export type StatsEmploymentOpts = OptsOf<typeof employment>;

const domains = (stats: CommandUnknownOpts) =>
  stats
    .command('domains')
    .description(t('stats.domains.description'))
    .addOption(yearOption('--annee <year>', t('stats.domains.annee')))
    .addOption(csvOption())
    .addOption(columnsOption());
export type StatsDomainsOpts = OptsOf<typeof domains>;

const report = (stats: CommandUnknownOpts) =>
  stats
    .command('report')
    .description(t('stats.report.description'))
    .addOption(outputFileOption('--html <file>', t('stats.report.html_what'), t('stats.report.html')))
    .addOption(outputFileOption('--pdf <file>', t('stats.report.pdf_what'), t('stats.report.pdf')))
    .addOption(new Option('--school <name>', t('report.option.school')))
    .addOption(yearOption('--from <year>', t('stats.option.from')))
    .addOption(yearOption('--to <year>', t('stats.option.to')))
    .addOption(
      new Option('--min-cell <n>', t('stats.report.min_cell'))
        .default(5)
        .argParser((text: string) => wholeNumber('--min-cell', text, 1, 1000)),
    );
export type StatsReportOpts = OptsOf<typeof report>;

export function registerStats(program: Command, lazy: Lazy): void {
  const stats = program.command('stats').description(t('stats.description'));
  employment(stats).action(lazy(() => import('./employment.js')));
  domains(stats).action(lazy(() => import('./domains.js')));
  stats
    .command('overview')
    .description(t('stats.overview.description'))
    .action(lazy(() => import('./overview.js')));
  report(stats).action(lazy(() => import('./report.js')));
}
