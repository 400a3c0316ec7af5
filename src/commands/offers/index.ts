import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { afterOption, countryOption, csvOption, dateOption, enumOption, limitOption, withinOption } from '../../cli/options.js';
import { OFFER_KINDS, OFFER_STATES, TYPES_EMPLOI, TYPES_FORMATION, TYPES_STAGE } from '../../enums.js';
import type { Lazy, OptsOf } from '../types.js';

const ORG = 'id or exact name (case and accents ignored)';
const ID = "the offer's id (as offers list prints it)";

const list = (offers: CommandUnknownOpts) =>
  offers
    .command('list')
    .description('stages, formations and emplois, newest first, every state unless filtered, a page at a time')
    .addOption(enumOption('--type <type>', 'only this kind', OFFER_KINDS))
    .addOption(
      enumOption('--statut <statut>', "only this state (a formation's is derived: en_attente, refusee, active, expiree)", OFFER_STATES),
    )
    .addOption(new Option('--org <org>', `only this organisation's: ${ORG}`))
    .addOption(new Option('--lieu <place>', 'the place contains this (case and accents ignored)'))
    .addOption(dateOption('--from <date>', 'open on or after this day (not ended before it)'))
    .addOption(dateOption('--to <date>', 'open on or before this day (not started after it)'))
    .addOption(new Option('--search <text>', 'the title contains this (case and accents ignored)'))
    .addOption(limitOption(50, 'offers per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type OffersListOpts = OptsOf<typeof list>;

const search = (offers: CommandUnknownOpts) =>
  offers
    .command('search')
    .description('French full-text search over title, description and place of every kind, best first')
    .argument('<text>', 'words to look for (stemmed, accents ignored; "quoted phrase", -excluded)')
    .addOption(enumOption('--type <type>', 'only this kind', OFFER_KINDS))
    .addOption(limitOption(20, 'results per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type OffersSearchOpts = OptsOf<typeof search>;

const add = (offers: CommandUnknownOpts) =>
  offers
    .command('add')
    .description('post an offer as the acting administrator (a formation then waits for a moderator)')
    .addOption(enumOption('--type <type>', 'the kind', OFFER_KINDS).makeOptionMandatory())
    .addOption(new Option('--titre <title>', 'titre'))
    .addOption(enumOption('--type-stage <type>', "a stage's type_stage", TYPES_STAGE))
    .addOption(enumOption('--type-formation <type>', "a formation's type_formation", TYPES_FORMATION))
    .addOption(enumOption('--type-emploi <type>', "an emploi's type_emploi", TYPES_EMPLOI))
    .addOption(new Option('--org <org>', `organisation_id: ${ORG}`))
    .addOption(new Option('--structure <name>', 'nom_structure'))
    .addOption(new Option('--lieu <place>', 'lieu'))
    .addOption(new Option('--description <text>', 'description'))
    .addOption(new Option('--email <address>', 'email_contact'))
    .addOption(new Option('--telephone <number>', 'telephone_contact, stored as E.164'))
    .addOption(countryOption())
    .addOption(new Option('--lien <url>', 'lien_offre (a formation: lien_formation), http:// or https://'))
    .addOption(dateOption('--debut <date>', "date_debut (an emploi's date_publication, today unless given)"))
    .addOption(dateOption('--fin <date>', "date_fin (an emploi's date_expiration), today or later"))
    .addOption(dateOption('--expiration <date>', 'the same as --fin'))
    .addOption(new Option('--prix <amount>', "a formation's price, 0 or more (12.50)"))
    .addOption(new Option('--devise <code>', "the price's ISO 4217 currency (XOF, EUR)"))
    .addOption(new Option('--payante', 'a paid formation (implied by a price above 0)'));
export type OffersAddOpts = OptsOf<typeof add>;

const expiring = (offers: CommandUnknownOpts) =>
  offers
    .command('expiring')
    .description('what the expire-offers job will expire within a while, with creator and contact, so they can be told')
    .addOption(withinOption('how far ahead', '7d'))
    .addOption(csvOption());
export type OffersExpiringOpts = OptsOf<typeof expiring>;

const extend = (offers: CommandUnknownOpts) =>
  offers
    .command('extend')
    .description("move a stage's or emploi's end date later (an expired one becomes active again)")
    .argument('<id>', ID)
    .addOption(dateOption('--until <date>', 'the new end date, today or later').makeOptionMandatory());
export type OffersExtendOpts = OptsOf<typeof extend>;

export function registerOffers(program: Command, lazy: Lazy): void {
  const offers = program.command('offers').description('offers: internships (stage), trainings (formation) and jobs (emploi)');
  list(offers).action(lazy(() => import('./list.js')));
  search(offers).action(lazy(() => import('./search.js')));
  offers
    .command('show')
    .description('every field, the organisation, the creator and a formation’s moderation decisions')
    .argument('<id>', ID)
    .action(lazy(() => import('./show.js')));
  add(offers).action(lazy(() => import('./add.js')));
  offers
    .command('close')
    .description('stages and emplois filled: they become pourvue')
    .argument('<id...>', ID)
    .action(lazy(() => import('./close.js')));
  expiring(offers).action(lazy(() => import('./expiring.js')));
  extend(offers).action(lazy(() => import('./extend.js')));
}
