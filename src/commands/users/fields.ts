import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import { readPassword } from '../../cli/prompts.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { UserInput } from '../../services/user-writes.js';
import type { UsersUpdateOpts } from './index.js';

/** The flag of each field of the data model the user services' errors name (src/main.ts renders them). */
export const fieldFlags: Record<string, string> = {
  nom_complet: '--nom',
  matricule: '--matricule',
  email: '--email',
  titre: '--titre',
  statut: '--statut',
  annee_sortie: '--annee',
  domaine: '--domaine',
  travailleur: '--travailleur',
  telephone: '--telephone',
};

/**
 * The options of `users add|update` as service input, without the password. An empty
 * --annee or --travailleur ('' from its parser) clears the field.
 */
export function userInput(flags: UsersUpdateOpts): UserInput {
  return {
    nom_complet: flags.nom,
    matricule: flags.matricule,
    email: flags.email,
    titre: flags.titre,
    statut: flags.statut,
    annee_sortie: flags.annee === '' ? null : flags.annee,
    domaine: flags.domaine,
    travailleur: flags.travailleur === '' ? null : flags.travailleur,
    telephone: flags.telephone,
    // countryOption has checked it: two upper-case letters.
    country: flags.country as CountryCode | undefined,
  };
}

/**
 * The password, hashed, read only once `refuseUnlessMay` has passed: an administrator
 * who may not make the change is refused (77) before typing a password or being told
 * anything about one. The database is open for that check alone and closed while the
 * password is typed, as for `users erase`'s question (the embedded one stays free);
 * the write checks again. Undefined when there is no terminal to ask at.
 */
export async function checkedPassword(
  ctx: Context,
  fromStdin: boolean,
  refuseUnlessMay: (db: Kysely<DB>) => Promise<unknown>,
): Promise<string | undefined> {
  await ctx.withDb(async ({ db }) => {
    await refuseUnlessMay(db);
  });
  const password = await readPassword(ctx.io, fromStdin);
  if (password === undefined) return undefined;
  const { hashPassword } = await import('../../services/passwords.js');
  return hashPassword(password);
}
