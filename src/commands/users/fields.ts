import { UsageError } from '../../cli/errors.js';
import { readPassword } from '../../cli/prompts.js';
import type { Context } from '../../context.js';
import type { UserInput } from '../../services/users.js';
import type { UserFieldFlags } from './shared.js';

/** The flags of `users add|update` as service input, the password already hashed. */
export async function userInput(ctx: Context, flags: UserFieldFlags, askPassword: boolean): Promise<UserInput> {
  const country = flags.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country ${flags.country}: give a two-letter code such as SN.`);
  const input: UserInput = {
    nom_complet: flags.nom,
    matricule: flags.matricule,
    email: flags.email,
    titre: flags.titre,
    statut: flags.statut,
    annee_sortie: flags.annee,
    domaine: flags.domaine,
    travailleur: flags.travailleur,
    telephone: flags.telephone,
    country: country as UserInput['country'],
  };
  if (flags.passwordStdin || (askPassword && flags.password !== false)) {
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
