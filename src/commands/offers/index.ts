import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { afterOption, countryOption, csvOption, dateOption, enumOption, limitOption, withinOption } from '../../cli/options.js';
import { OFFER_KINDS, OFFER_STATES, TYPES_EMPLOI, TYPES_FORMATION, TYPES_STAGE } from '../../enums.js';
import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { isUuid, nfc } from '../../values.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

/*
 * The offers' own flags, parsed and checked where they are declared: a refused value is
 * a usage error (exit 2) naming the flag, before any work; the services receive the
 * parsed values (a price as numeric(12, 2) takes it, an upper-case ISO 4217 code, an id).
 * They live here, not in a module of their own: `alumni --help` loads only index.js.
 */

/** A price of numeric(12, 2): 0 or more, at most two decimals; "12,50" is 12.50, "25 000" is 25000. */
export function priceValue(flag: string, raw: string): string {
  const text = raw.trim().replace(/\s/g, '');
  if (/^-/.test(text)) throw new UsageError(problem('offers.flag.price_negative', { flag, value: raw.trim() }));
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) throw new UsageError(problem('offers.flag.price_invalid', { flag, value: raw.trim() }));
  return match[2] === undefined ? String(Number(match[1])) : `${Number(match[1])}.${match[2].padEnd(2, '0')}`;
}

/** An ISO 4217 code as the runtime's ICU knows them (XOF, EUR, ...), upper-case. */
export function currencyValue(flag: string, raw: string): string {
  const code = nfc(raw).trim().toUpperCase();
  if (!Intl.supportedValuesOf('currency').includes(code)) {
    throw new UsageError(problem('offers.flag.currency_invalid', { flag, value: raw.trim() }));
  }
  return code;
}

/** An offer's id (a UUID, any case), lower-cased. */
export function offerIdValue(name: string, raw: string): string {
  const id = raw.trim().toLowerCase();
  if (!isUuid(id)) throw new UsageError(problem('offers.flag.invalid_id', { flag: name, value: raw.trim() }));
  return id;
}

/** The option's long name, for messages: "--prix" from "--prix <amount>". */
function flagName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

export function priceOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => priceValue(flagName(flags), text));
}

export function currencyOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => currencyValue(flagName(flags), text));
}

/** `<id>`: one offer's id. */
export function offerIdArgument(description: string) {
  return new Argument('<id>', description).argParser((text: string) => offerIdValue('ID', text));
}

/** `<id...>`: one or more offers' ids, each checked. */
export function offerIdsArgument(description: string) {
  return new Argument('<id...>', description).argParser((text: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    offerIdValue('ID', text),
  ]);
}

const orgRef = () => t('offers.help.org_ref');

const list = (offers: CommandUnknownOpts) =>
  offers
    .command('list')
    .description(t('offers.help.list'))
    .addOption(enumOption('--type <type>', t('offers.help.list.type'), OFFER_KINDS))
    .addOption(enumOption('--statut <statut>', t('offers.help.list.statut'), OFFER_STATES))
    .addOption(new Option('--org <org>', t('offers.help.list.org', { ref: orgRef() })))
    .addOption(new Option('--lieu <place>', t('offers.help.list.lieu')))
    .addOption(dateOption('--from <date>', t('offers.help.list.from')))
    .addOption(dateOption('--to <date>', t('offers.help.list.to')))
    .addOption(new Option('--search <text>', t('offers.help.list.search')))
    .addOption(limitOption(50, t('offers.help.list.limit')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type OffersListOpts = OptsOf<typeof list>;

const search = (offers: CommandUnknownOpts) =>
  offers
    .command('search')
    .description(t('offers.help.search'))
    .argument('<text>', t('offers.help.search.text'))
    .addOption(enumOption('--type <type>', t('offers.help.list.type'), OFFER_KINDS))
    .addOption(limitOption(20, t('offers.help.search.limit')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type OffersSearchOpts = OptsOf<typeof search>;

const add = (offers: CommandUnknownOpts) =>
  offers
    .command('add')
    .description(t('offers.help.add'))
    .addOption(enumOption('--type <type>', t('offers.help.add.type'), OFFER_KINDS).makeOptionMandatory())
    .addOption(new Option('--titre <title>', t('offers.help.add.titre')).makeOptionMandatory())
    .addOption(enumOption('--type-stage <type>', t('offers.help.add.type_stage'), TYPES_STAGE))
    .addOption(enumOption('--type-formation <type>', t('offers.help.add.type_formation'), TYPES_FORMATION))
    .addOption(enumOption('--type-emploi <type>', t('offers.help.add.type_emploi'), TYPES_EMPLOI))
    .addOption(new Option('--org <org>', t('offers.help.add.org', { ref: orgRef() })))
    .addOption(new Option('--structure <name>', t('offers.help.add.structure')))
    .addOption(new Option('--lieu <place>', t('offers.help.add.lieu')))
    .addOption(new Option('--description <text>', t('offers.help.add.description')))
    .addOption(new Option('--email <address>', t('offers.help.add.email')))
    .addOption(new Option('--telephone <number>', t('offers.help.add.telephone')))
    .addOption(countryOption())
    .addOption(new Option('--lien <url>', t('offers.help.add.lien')))
    .addOption(dateOption('--debut <date>', t('offers.help.add.debut')))
    .addOption(dateOption('--fin <date>', t('offers.help.add.fin')).conflicts('expiration'))
    .addOption(dateOption('--expiration <date>', t('offers.help.add.expiration')).conflicts('fin'))
    .addOption(priceOption('--prix <amount>', t('offers.help.add.prix')))
    .addOption(currencyOption('--devise <code>', t('offers.help.add.devise')))
    .addOption(new Option('--payante', t('offers.help.add.payante')));
export type OffersAddOpts = OptsOf<typeof add>;

const expiring = (offers: CommandUnknownOpts) =>
  offers
    .command('expiring')
    .description(t('offers.help.expiring'))
    .addOption(withinOption(t('offers.help.expiring.within'), '7d'))
    .addOption(csvOption())
    .addOption(columnsOption());
export type OffersExpiringOpts = OptsOf<typeof expiring>;

const extend = (offers: CommandUnknownOpts) =>
  offers
    .command('extend')
    .description(t('offers.help.extend'))
    .addArgument(offerIdArgument(t('offers.help.id')))
    .addOption(dateOption('--until <date>', t('offers.help.extend.until')).makeOptionMandatory());
export type OffersExtendOpts = OptsOf<typeof extend>;

export function registerOffers(program: Command, lazy: Lazy): void {
  const offers = program.command('offers').description(t('offers.help.description'));
  list(offers).action(lazy(() => import('./list.js')));
  search(offers).action(lazy(() => import('./search.js')));
  offers
    .command('show')
    .description(t('offers.help.show'))
    .addArgument(offerIdArgument(t('offers.help.id')))
    .action(lazy(() => import('./show.js')));
  add(offers).action(lazy(() => import('./add.js')));
  offers
    .command('close')
    .description(t('offers.help.close'))
    .addArgument(offerIdsArgument(t('offers.help.id')))
    .action(lazy(() => import('./close.js')));
  expiring(offers).action(lazy(() => import('./expiring.js')));
  extend(offers).action(lazy(() => import('./extend.js')));
}
