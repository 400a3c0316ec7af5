import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { ROLES_UTILISATEUR as ROLES, STATUTS_UTILISATEUR as STATUTS } from '../enums.js';
import type { UserFilters } from '../services/users.js';
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
    .addOption(enumOption('--statut <statut>', 'only this statut (any case, accents or not)', STATUTS))
    .addOption(enumOption(roleFlags, 'only accounts with this role (any case)', ROLES))
    .addOption(new Option('--annee <year>', 'graduation year').argParser((text: string) => yearValue('--annee', text)))
    .addOption(new Option('--domaine <field>', 'field (domaine), without regard to case or accents'))
    .addOption(yesNoOption('--travailleur <oui|non>', 'working or not'))
    .addOption(yesNoOption('--actif <oui|non>', 'active accounts or deactivated ones'))
    .addOption(new Option('--search <text>', 'name, e-mail or matricule contains this'));
}

/** The options of withUserFilters as the service's filters. */
export function filtersOf(opts: UserFilters): UserFilters {
  const { statut, role, annee, domaine, travailleur, actif, search } = opts;
  return { statut, role, annee, domaine, travailleur, actif, search };
}
