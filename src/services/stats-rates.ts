/**
 * The two rates every statistics command and the report print, computed in one place.
 *
 * - Knowledge rate (NACE's "taux de connaissance"): graduates whose situation is known
 *   (working or searching) / all graduates.
 * - Employment rate ("taux net d'emploi"): graduates working / graduates whose situation
 *   is known (working + searching). Unknown situations are left out of it, not counted
 *   as unemployed.
 *
 * Rates are percentages with two decimals (as stats_emploi_par_annee.taux_emploi), and
 * null when their denominator is zero: a year where nobody answered has no employment rate.
 */

/** travailleur = true, false, NULL counted over one group of graduates. */
export interface SituationCounts {
  total_diplomes: number;
  nb_travaillent: number;
  nb_recherche: number;
}

export interface SituationRates extends SituationCounts {
  /** travailleur IS NULL: nobody knows whether they work. */
  nb_inconnu: number;
  /** (nb_travaillent + nb_recherche) / total_diplomes, in percent. */
  taux_connaissance: number | null;
  /** nb_travaillent / (nb_travaillent + nb_recherche), in percent. */
  taux_emploi: number | null;
}

/** numerator / denominator in percent, rounded to two decimals (half away from zero); null over zero. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator) / 100;
}

export function situationRates(counts: SituationCounts): SituationRates {
  const known = counts.nb_travaillent + counts.nb_recherche;
  return {
    total_diplomes: counts.total_diplomes,
    nb_travaillent: counts.nb_travaillent,
    nb_recherche: counts.nb_recherche,
    nb_inconnu: counts.total_diplomes - known,
    taux_connaissance: percent(known, counts.total_diplomes),
    taux_emploi: percent(counts.nb_travaillent, known),
  };
}

/** The counts of several groups added up (a total row). */
export function addCounts(groups: SituationCounts[]): SituationCounts {
  return groups.reduce(
    (sum, g) => ({
      total_diplomes: sum.total_diplomes + g.total_diplomes,
      nb_travaillent: sum.nb_travaillent + g.nb_travaillent,
      nb_recherche: sum.nb_recherche + g.nb_recherche,
    }),
    { total_diplomes: 0, nb_travaillent: 0, nb_recherche: 0 },
  );
}
