import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import {
  afterOption,
  countryOption,
  csvOption,
  dryRunOption,
  enumOption,
  enumValue,
  limitOption,
  pastDateOption,
  yesOption,
} from '../../cli/options.js';
import { ORG_MATCH_KEYS, ROLES_CONTACT, STATUTS_ORGANISATION, TYPES_ORGANISATION } from '../../enums.js';
import { withImportOptions } from '../../cli/import-options.js';
import { ORG_FIELDS } from '../../import/orgs/headers.js';
import type { Lazy, OptsOf } from '../types.js';

const ORG = 'id or exact name (case and accents ignored)';
const PERSON = 'id, e-mail or matricule';

const list = (orgs: CommandUnknownOpts) =>
  orgs
    .command('list')
    .description('organisations by name, every status unless filtered, a page at a time')
    .addOption(enumOption('--statut <statut>', 'only this status', STATUTS_ORGANISATION))
    .addOption(enumOption('--type <type>', 'only this type', TYPES_ORGANISATION))
    .addOption(new Option('--secteur <sector>', 'only this sector (case and accents ignored)'))
    .addOption(new Option('--ville <town>', 'only this town'))
    .addOption(new Option('--pays <country>', 'only this country'))
    .addOption(new Option('--search <text>', 'the name contains this'))
    .addOption(limitOption(50, 'organisations per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type OrgsListOpts = OptsOf<typeof list>;

const search = (orgs: CommandUnknownOpts) =>
  orgs
    .command('search')
    .description('French full-text search over name, sector, town and description, best first')
    .argument('<text>', 'words to look for (stemmed, accents ignored; "quoted phrase", -excluded)')
    .addOption(limitOption(20, 'results per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type OrgsSearchOpts = OptsOf<typeof search>;

/** A verb taking the fields `add` and `update` share. */
const withFields = (orgs: CommandUnknownOpts, name: string, description: string) =>
  orgs
    .command(name)
    .description(description)
    .addOption(new Option('--nom <name>', 'nom_organisation'))
    .addOption(enumOption('--type <type>', 'type_organisation', TYPES_ORGANISATION))
    .addOption(enumOption('--statut <statut>', 'statut', STATUTS_ORGANISATION))
    .addOption(new Option('--secteur <sector>', 'secteur_activite'))
    .addOption(new Option('--adresse <address>', 'adresse'))
    .addOption(new Option('--ville <town>', 'ville'))
    .addOption(new Option('--pays <country>', 'pays'))
    .addOption(new Option('--site-web <url>', 'site_web (http:// or https://)'))
    .addOption(new Option('--email <address>', 'email_general'))
    .addOption(new Option('--telephone <number>', 'telephone_general, stored as E.164'))
    .addOption(countryOption())
    .addOption(new Option('--description <text>', 'description'))
    .addOption(pastDateOption('--date-creation <date>', 'date_creation'));

const add = (orgs: CommandUnknownOpts) => withFields(orgs, 'add', 'add an organisation (active unless --statut says otherwise)');
export type OrgsAddOpts = OptsOf<typeof add>;
const update = (orgs: CommandUnknownOpts) =>
  withFields(orgs, 'update', "change an organisation's fields: only what is given").argument('<org>', ORG);
export type OrgsUpdateOpts = OptsOf<typeof update>;

const importOrgs = (orgs: CommandUnknownOpts) =>
  withImportOptions(
    orgs.command('import').description("import a partner list (the school's spreadsheet of organisations)"),
    'by --match',
    ORG_FIELDS,
  )
    .addOption(
      enumOption(
        '--match <key>',
        'match stored organisations by (default: website domain, else general e-mail, else name)',
        ORG_MATCH_KEYS,
      ),
    )
    .addOption(enumOption('--type <type>', 'type of new organisations whose row gives none', TYPES_ORGANISATION))
    .addOption(countryOption("default country for phone numbers without +, e.g. SN (a row's Pays naming a country wins)"));
export type OrgsImportOpts = OptsOf<typeof importOrgs>;

const imports = (orgs: CommandUnknownOpts) =>
  orgs.command('imports').description('the partner-list import ledger, newest first').addOption(limitOption(20)).addOption(csvOption());

const contactAdd = (contacts: CommandUnknownOpts) =>
  contacts
    .command('add')
    .description('make a person a contact of the organisation')
    .argument('<org>', ORG)
    .argument('<person>', PERSON)
    .addOption(enumOption('--role <role>', 'role_contact', ROLES_CONTACT).makeOptionMandatory())
    .addOption(new Option('--principal', 'the principal contact from now on (the previous one stops being it)'))
    .addOption(new Option('--poste <title>', 'job title'))
    .addOption(new Option('--email <address>', 'professional e-mail'))
    .addOption(new Option('--telephone <number>', 'professional phone, stored as E.164'))
    .addOption(countryOption())
    .addOption(new Option('--debut <date>', 'since (YYYY-MM-DD)'))
    .addOption(new Option('--fin <date>', 'until (YYYY-MM-DD)'));
export type ContactAddOpts = OptsOf<typeof contactAdd>;

const contactRemove = (contacts: CommandUnknownOpts) =>
  contacts
    .command('remove')
    .description('the person stops being a contact')
    .argument('<org>', ORG)
    .argument('<person>', PERSON)
    .addOption(yesOption());
export type ContactRemoveOpts = OptsOf<typeof contactRemove>;

const merge = (orgs: CommandUnknownOpts) =>
  orgs
    .command('merge')
    .description("merge DROP into KEEP: DROP's contacts and offers move to KEEP, DROP becomes inactive")
    .argument('<keep>', `the organisation that stays: ${ORG}`)
    .argument('<drop>', `the duplicate: ${ORG}`)
    .addOption(dryRunOption('say exactly what would move; change nothing'))
    .addOption(yesOption());
export type OrgsMergeOpts = OptsOf<typeof merge>;

export function registerOrgs(program: Command, lazy: Lazy): void {
  const orgs = program.command('orgs').description('organisations (employers, partners) and their contacts');
  list(orgs).action(lazy(() => import('./list.js')));
  search(orgs).action(lazy(() => import('./search.js')));
  orgs
    .command('show')
    .description('every field, the contacts and the offers counted')
    .argument('<org>', ORG)
    .action(lazy(() => import('./show.js')));
  add(orgs).action(lazy(() => import('./add.js')));
  update(orgs).action(lazy(() => import('./update.js')));
  orgs
    .command('set-status')
    .description('make an organisation active, inactive or en_attente')
    .argument('<org>', ORG)
    .addArgument(
      new Argument('<statut>', STATUTS_ORGANISATION.join(', ')).argParser((text: string) =>
        enumValue('statut', text, STATUTS_ORGANISATION),
      ),
    )
    .action(lazy(() => import('./set-status.js')));
  orgs
    .command('duplicates')
    .description('likely duplicates: same website or e-mail domain, same or similar name')
    .addOption(csvOption())
    .action(lazy(() => import('./duplicates.js')));
  merge(orgs).action(lazy(() => import('./merge.js')));
  importOrgs(orgs).action(lazy(() => import('./import.js')));
  imports(orgs).action(lazy(() => import('./imports.js')));
  const contacts = orgs.command('contacts').description("an organisation's contacts");
  contacts
    .command('list')
    .description('the contacts, the principal first')
    .argument('<org>', ORG)
    .addOption(csvOption())
    .action(lazy(() => import('./contacts-list.js')));
  contactAdd(contacts).action(lazy(() => import('./contacts-add.js')));
  contactRemove(contacts).action(lazy(() => import('./contacts-remove.js')));
  contacts
    .command('set-principal')
    .description('make this contact the principal one (the previous one stops being it)')
    .argument('<org>', ORG)
    .argument('<person>', PERSON)
    .action(lazy(() => import('./contacts-set-principal.js')));
}
