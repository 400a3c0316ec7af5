import type { RoleUtilisateur } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { NotPermittedError } from '../errors.js';

/**
 * What a change does to an account, for the permission rule: its identity and profile
 * (name, e-mail, matricule, phone and the other fields of `users update`), its
 * password, whether it is active, its role.
 */
export type AccountChange = 'identity' | 'password' | 'activation' | 'role';

/** The account changed: its id (none yet for an account being created) and its role. */
export interface ChangedAccount {
  id?: string;
  role: RoleUtilisateur;
}

/** What a refused administrator may not do, after "only a super_admin may". */
const REFUSED_CHANGE: Record<Exclude<AccountChange, 'role'>, string> = {
  identity: 'change its name, e-mail, matricule or other details',
  password: 'change its password',
  activation: 'activate or deactivate it',
};

/**
 * Who may change whose account (the README's table, "Who may change whom"). A
 * super_admin may make every change. A plain admin may change the identity, password
 * and active state of `user` accounts and of their own account, never a role (their
 * own included): admins are peers, so one changing another admin's e-mail or password
 * would take that account over, and a super_admin's even more so. `users erase`
 * follows the same line (src/services/erasure.ts), and the roster import rejects the
 * rows of accounts the importer may not change. Refused: exit 77, before any write.
 */
export function refuseUnlessPermitted(session: WriteSession, account: ChangedAccount, changes: Iterable<AccountChange>): void {
  const refusal = permissionRefusal(session, account, changes);
  if (refusal !== undefined) throw new NotPermittedError(refusal);
}

/** The sentence refusing `changes`, or undefined when they are allowed: for the roster import, which rejects the row instead. */
export function permissionRefusal(session: WriteSession, account: ChangedAccount, changes: Iterable<AccountChange>): string | undefined {
  for (const change of changes) {
    const refusal = refusalOf(session, account, change);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function refusalOf(session: WriteSession, account: ChangedAccount, change: AccountChange): string | undefined {
  if (session.actorRole === 'super_admin') return undefined;
  if (session.actorRole !== 'admin' || session.actorId === null) {
    return 'Changing an account needs an acting administrator (admin or super_admin).';
  }
  if (change === 'role') return 'Only a super_admin may give or change roles.';
  if (account.role === 'user' || account.id === session.actorId) return undefined;
  return `This account has role ${account.role}; only a super_admin may ${REFUSED_CHANGE[change]}.`;
}
