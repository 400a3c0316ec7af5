import type { RoleUtilisateur } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { NotPermittedError, problem, type Problem } from '../errors.js';

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

/** The problem refusing `changes`, or undefined when they are allowed: for the roster import, which rejects the row instead. */
export function permissionRefusal(session: WriteSession, account: ChangedAccount, changes: Iterable<AccountChange>): Problem | undefined {
  for (const change of changes) {
    const refusal = refusalOf(session, account, change);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function refusalOf(session: WriteSession, account: ChangedAccount, change: AccountChange): Problem | undefined {
  if (session.actorRole === 'super_admin') return undefined;
  if (session.actorRole !== 'admin' || session.actorId === null) return problem('users.permission.needs_admin');
  if (change === 'role') return problem('users.permission.roles');
  if (account.role === 'user' || account.id === session.actorId) return undefined;
  return problem('users.permission.protected', { role: account.role, change });
}
