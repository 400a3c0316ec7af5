import { UsageError } from '../../errors.js';
import { readPassword } from '../../cli/prompts.js';
import type { Context } from '../../context.js';
import { enumFlag, yesNoFlag } from '../../services/flags.js';
import type { UserInput } from '../../services/users.js';
import { STATUTS, type UserFieldFlags } from './shared.js';

/** The flags of `users add|update` as service input, the password already hashed. */
export async function userInput(ctx: Context, flags: UserFieldFlags, askPassword: boolean): Promise<UserInput> {
  const country = flags.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country ${flags.country}: give a two-letter code such as SN.`);
  const input: UserInput = {
    nom_complet: flags.nom,
    matricule: flags.matricule,
    email: flags.email,
    titre: flags.titre,
    statut: flags.statut === undefined ? undefined : enumFlag('--statut', flags.statut, STATUTS),
    annee_sortie: flags.annee,
    domaine: flags.domaine,
    travailleur: travailleurInput(flags.travailleur),
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

/**
 * --travailleur in the flags' yes/no vocabulary, handed on as oui/non (the service reads
 * it as a roster cell); empty clears it, as an empty value clears the other fields.
 */
function travailleurInput(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return raw;
  return yesNoFlag('--travailleur', raw) ? 'oui' : 'non';
}
