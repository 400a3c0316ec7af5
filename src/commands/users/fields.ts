import type { CountryCode } from 'libphonenumber-js';
import { readPassword } from '../../cli/prompts.js';
import type { Context } from '../../context.js';
import type { UserInput } from '../../services/user-writes.js';
import type { UsersUpdateOpts } from './index.js';

/**
 * The options of `users add|update` as service input, the password already hashed.
 * `askPassword`: `users add` asks on a terminal unless --no-password. An empty --annee
 * or --travailleur ('' from its parser) clears the field.
 */
export async function userInput(ctx: Context, flags: UsersUpdateOpts, askPassword: boolean): Promise<UserInput> {
  const input: UserInput = {
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
  if (flags.passwordStdin || askPassword) {
    const password = await readPassword(ctx.io, Boolean(flags.passwordStdin));
    if (password !== undefined) {
      const { hashPassword } = await import('../../services/passwords.js');
      input.mot_de_passe_hash = await hashPassword(password);
    } else if (askPassword) {
      ctx.out.warn('No terminal to type a password: the account has none (use --password-stdin to set one).');
    }
  }
  return input;
}
