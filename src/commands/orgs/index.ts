import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import {
  afterOption,
  countryOption,
  csvOption,
  dateOption,
  dryRunOption,
  enumOption,
  enumValue,
  limitOption,
  pastDateOption,
  yesOption,
} from '../../cli/options.js';
import { t } from '../../i18n/messages.js';
import { ORG_MATCH_KEYS, ROLES_CONTACT, STATUTS_ORGANISATION, TYPES_ORGANISATION } from '../../enums.js';
import { withImportOptions } from '../../cli/import-options.js';
import { ORG_FIELDS } from '../../import/orgs/headers.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const orgRef = () => t('orgs.help.org_ref');
const personRef = () => t('orgs.help.person_ref');

const list = (orgs: CommandUnknownOpts) =>
  orgs
    .command('list')
    .description(t('orgs.help.list'))
    .addOption(enumOption('--statut <statut>', t('orgs.help.list.statut'), STATUTS_ORGANISATION))
    .addOption(enumOption('--type <type>', t('orgs.help.list.type'), TYPES_ORGANISATION))
    .addOption(new Option('--secteur <sector>', t('orgs.help.list.secteur')))
    .addOption(new Option('--ville <town>', t('orgs.help.list.ville')))
    .addOption(new Option('--pays <country>', t('orgs.help.list.pays')))
    .addOption(new Option('--search <text>', t('orgs.help.list.search')))
    .addOption(limitOption(50, t('orgs.help.list.limit')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type OrgsListOpts = OptsOf<typeof list>;

const search = (orgs: CommandUnknownOpts) =>
  orgs
    .command('search')
    .description(t('orgs.help.search'))
    .argument('<text>', t('orgs.help.search.text'))
    .addOption(limitOption(20, t('orgs.help.search.limit')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type OrgsSearchOpts = OptsOf<typeof search>;

/** A verb taking the fields `add` and `update` share; `add` requires a name and a type. */
const withFields = (orgs: CommandUnknownOpts, name: string, description: string, required: boolean) =>
  orgs
    .command(name)
    .description(description)
    .addOption(new Option('--nom <name>', t('orgs.help.field.nom')).makeOptionMandatory(required))
    .addOption(enumOption('--type <type>', t('orgs.help.field.type'), TYPES_ORGANISATION).makeOptionMandatory(required))
    .addOption(enumOption('--statut <statut>', t('orgs.help.field.statut'), STATUTS_ORGANISATION))
    .addOption(new Option('--secteur <sector>', t('orgs.help.field.secteur')))
    .addOption(new Option('--adresse <address>', t('orgs.help.field.adresse')))
    .addOption(new Option('--ville <town>', t('orgs.help.field.ville')))
    .addOption(new Option('--pays <country>', t('orgs.help.field.pays')))
    .addOption(new Option('--site-web <url>', t('orgs.help.field.site_web')))
    .addOption(new Option('--email <address>', t('orgs.help.field.email')))
    .addOption(new Option('--telephone <number>', t('orgs.help.field.telephone')))
    .addOption(countryOption())
    .addOption(new Option('--description <text>', t('orgs.help.field.description')))
    .addOption(pastDateOption('--date-creation <date>', t('orgs.help.field.date_creation')));

const add = (orgs: CommandUnknownOpts) => withFields(orgs, 'add', t('orgs.help.add'), true);
export type OrgsAddOpts = OptsOf<typeof add>;
const update = (orgs: CommandUnknownOpts) => withFields(orgs, 'update', t('orgs.help.update'), false).argument('<org>', orgRef());
export type OrgsUpdateOpts = OptsOf<typeof update>;

const importOrgs = (orgs: CommandUnknownOpts) =>
  withImportOptions(orgs.command('import').description(t('orgs.help.import')), t('orgs.help.import.key'), ORG_FIELDS)
    .addOption(enumOption('--match <key>', t('orgs.help.import.match'), ORG_MATCH_KEYS))
    .addOption(enumOption('--type <type>', t('orgs.help.import.type'), TYPES_ORGANISATION))
    .addOption(countryOption(t('orgs.help.import.country')));
export type OrgsImportOpts = OptsOf<typeof importOrgs>;

const imports = (orgs: CommandUnknownOpts) =>
  orgs.command('imports').description(t('orgs.help.imports')).addOption(limitOption(20)).addOption(csvOption()).addOption(columnsOption());

const undoImport = (imports: CommandUnknownOpts) =>
  imports
    .command('undo')
    .description(t('undo.help.orgs'))
    .argument('<import>', t('undo.help.import'))
    .addOption(dryRunOption(t('undo.help.dry_run')))
    .addOption(yesOption());

const contactAdd = (contacts: CommandUnknownOpts) =>
  contacts
    .command('add')
    .description(t('orgs.help.contacts.add'))
    .argument('<org>', orgRef())
    .argument('<person>', personRef())
    .addOption(enumOption('--role <role>', t('orgs.help.contacts.role'), ROLES_CONTACT).makeOptionMandatory())
    .addOption(new Option('--principal', t('orgs.help.contacts.principal')))
    .addOption(new Option('--poste <title>', t('orgs.help.contacts.poste')))
    .addOption(new Option('--email <address>', t('orgs.help.contacts.email')))
    .addOption(new Option('--telephone <number>', t('orgs.help.contacts.telephone')))
    .addOption(countryOption())
    .addOption(dateOption('--debut <date>', t('orgs.help.contacts.debut')))
    .addOption(dateOption('--fin <date>', t('orgs.help.contacts.fin')));
export type ContactAddOpts = OptsOf<typeof contactAdd>;

const contactRemove = (contacts: CommandUnknownOpts) =>
  contacts
    .command('remove')
    .description(t('orgs.help.contacts.remove'))
    .argument('<org>', orgRef())
    .argument('<person>', personRef())
    .addOption(yesOption());
export type ContactRemoveOpts = OptsOf<typeof contactRemove>;

const merge = (orgs: CommandUnknownOpts) =>
  orgs
    .command('merge')
    .description(t('orgs.help.merge'))
    .argument('<keep>', t('orgs.help.merge.keep', { ref: orgRef() }))
    .argument('<drop>', t('orgs.help.merge.drop', { ref: orgRef() }))
    .addOption(dryRunOption(t('orgs.help.merge.dry_run')))
    .addOption(yesOption());
export type OrgsMergeOpts = OptsOf<typeof merge>;

export function registerOrgs(program: Command, lazy: Lazy): void {
  const orgs = program.command('orgs').description(t('orgs.help.description'));
  list(orgs).action(lazy(() => import('./list.js')));
  search(orgs).action(lazy(() => import('./search.js')));
  orgs
    .command('show')
    .description(t('orgs.help.show'))
    .argument('<org>', orgRef())
    .action(lazy(() => import('./show.js')));
  add(orgs).action(lazy(() => import('./add.js')));
  update(orgs).action(lazy(() => import('./update.js')));
  orgs
    .command('set-status')
    .description(t('orgs.help.set_status'))
    .argument('<org>', orgRef())
    .addArgument(
      new Argument('<statut>', `${t('orgs.help.set_status.statut')}: ${STATUTS_ORGANISATION.join(', ')}`).argParser((text: string) =>
        enumValue(t('orgs.help.set_status.statut'), text, STATUTS_ORGANISATION),
      ),
    )
    .action(lazy(() => import('./set-status.js')));
  orgs
    .command('duplicates')
    .description(t('orgs.help.duplicates'))
    .addOption(csvOption())
    .addOption(columnsOption())
    .action(lazy(() => import('./duplicates.js')));
  merge(orgs).action(lazy(() => import('./merge.js')));
  importOrgs(orgs).action(lazy(() => import('./import.js')));
  const ledger = imports(orgs).action(lazy(() => import('./imports.js')));
  undoImport(ledger).action(lazy(() => import('./imports-undo.js')));
  const contacts = orgs.command('contacts').description(t('orgs.help.contacts'));
  contacts
    .command('list')
    .description(t('orgs.help.contacts.list'))
    .argument('<org>', orgRef())
    .addOption(csvOption())
    .addOption(columnsOption())
    .action(lazy(() => import('./contacts-list.js')));
  contactAdd(contacts).action(lazy(() => import('./contacts-add.js')));
  contactRemove(contacts).action(lazy(() => import('./contacts-remove.js')));
  contacts
    .command('set-principal')
    .description(t('orgs.help.contacts.set_principal'))
    .argument('<org>', orgRef())
    .argument('<person>', personRef())
    .action(lazy(() => import('./contacts-set-principal.js')));
}
