import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { ROLES_UTILISATEUR as ROLES, STATUTS_UTILISATEUR as STATUTS } from '../enums.js';
import type { UserFilters } from '../services/users.js';
import { t } from '../i18n/messages.js';
import { enumOption, yearValue, yesNoOption } from './options.js';

/**
 * The options that choose users: `users list`, `users export` and `groups members add
 * --from-users` (which calls the role filter --user-role, its own --role being the
 * member's role). filtersOf (shared.ts) turns them into the service's UserFilters.
 */
export function withUserFilters<
  Args extends unknown[],
  Opts extends OptionValues,
  Globals extends OptionValues,
  const RoleFlags extends string = '--role <role>',
>(command: Command<Args, Opts, Globals>, roleFlags: RoleFlags = '--role <role>' as RoleFlags) {
  return command
    .addOption(enumOption('--statut <statut>', t('users.help.filter_statut'), STATUTS))
    .addOption(enumOption(roleFlags, t('users.help.filter_role'), ROLES))
    .addOption(new Option('--annee <year>', t('users.help.filter_annee')).argParser((text: string) => yearValue('--annee', text)))
    .addOption(new Option('--domaine <field>', t('users.help.filter_domaine')))
    .addOption(yesNoOption('--travailleur <oui|non>', t('users.help.filter_travailleur')))
    .addOption(yesNoOption('--actif <oui|non>', t('users.help.filter_actif')))
    .addOption(new Option('--search <text>', t('users.help.filter_search')));
}

/** The options of withUserFilters as the service's filters. */
export function filtersOf(opts: UserFilters): UserFilters {
  const { statut, role, annee, domaine, travailleur, actif, search } = opts;
  return { statut, role, annee, domaine, travailleur, actif, search };
}
