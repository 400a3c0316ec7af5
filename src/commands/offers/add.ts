import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { OfferInput } from '../../services/offer-writes.js';
import type { CommandRun } from '../types.js';
import type { OffersAddOpts } from './index.js';
import { offerFields } from './shared.js';

/** The flag of each field the offer services may name in a refusal. */
export const fieldFlags = {
  titre: '--titre',
  type_stage: '--type-stage',
  type_formation: '--type-formation',
  type_emploi: '--type-emploi',
  nom_structure: '--structure',
  lieu: '--lieu',
  description: '--description',
  email_contact: '--email',
  telephone_contact: '--telephone',
  lien_offre: '--lien',
  lien_formation: '--lien',
  date_debut: '--debut',
  date_publication: '--debut',
  date_fin: '--fin',
  date_expiration: '--expiration',
  prix: '--prix',
  devise: '--devise',
  est_payante: '--payante',
};

export const run: CommandRun<OffersAddOpts> = async (ctx, { opts }) => {
  const { addOffer } = await import('../../services/offer-writes.js');
  const input: OfferInput = {
    type: opts.type,
    titre: opts.titre,
    organisation: opts.org,
    nom_structure: opts.structure,
    lieu: opts.lieu,
    description: opts.description,
    email_contact: opts.email,
    telephone_contact: opts.telephone,
    country: opts.country as OfferInput['country'],
    lien: opts.lien,
    debut: opts.debut,
    // --fin and --expiration conflict (Commander refuses both): one end date at most.
    fin: opts.fin ?? opts.expiration,
    type_stage: opts.typeStage,
    type_formation: opts.typeFormation,
    type_emploi: opts.typeEmploi,
    prix: opts.prix,
    devise: opts.devise,
    est_payante: opts.payante,
  };
  const offer = await ctx.withDb(async ({ db }) => addOffer(db, await ctx.writeSession(db), input));
  const said = { kind: offer.type, title: offer.titre, state: offer.statut };
  renderRecord(ctx, offer, offerFields(offer, ctx.out.stdoutIsTTY), {
    success: offer.type === 'formation' ? t('offers.added_waiting', { ...said, id: offer.id }) : t('offers.added', said),
  });
};
