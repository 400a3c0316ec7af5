import { renderRecord } from '../../cli/render.js';
import { UsageError } from '../../errors.js';
import type { OfferInput } from '../../services/offer-writes.js';
import type { CommandRun } from '../types.js';
import type { OffersAddOpts } from './index.js';

export const run: CommandRun<OffersAddOpts> = async (ctx, { opts }) => {
  const { addOffer } = await import('../../services/offer-writes.js');
  if (opts.fin !== undefined && opts.expiration !== undefined && opts.fin !== opts.expiration) {
    throw new UsageError('--fin and --expiration are one option; give only one of them.');
  }
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
    fin: opts.fin ?? opts.expiration,
    type_stage: opts.typeStage,
    type_formation: opts.typeFormation,
    type_emploi: opts.typeEmploi,
    prix: opts.prix,
    devise: opts.devise,
    est_payante: opts.payante,
  };
  const offer = await ctx.withDb(async ({ db }) => addOffer(db, await ctx.writeSession(db), input));
  renderRecord(ctx, offer);
  if (!ctx.out.json) {
    const waiting = offer.type === 'formation' ? ` It waits for a moderator: alumni validate approve formations ${offer.id}` : '';
    ctx.out.success(`Added ${offer.type} ${offer.titre} (${offer.statut}).${waiting}`);
  }
};
