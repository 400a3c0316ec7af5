import { describe, expect, it } from 'vitest';
import { constraintViolation, CONSTRAINT_SENTENCES } from '../../src/db/constraints.js';
import { renderIn, type MessageKey } from '../../src/i18n/messages.js';

/** A constraint violation as the drivers report it (a SQLSTATE and a severity). */
const violation = (code: string, constraint: string | undefined, detail?: string) =>
  Object.assign(new Error('refused'), { code, severity: 'ERROR', constraint, detail });

describe('constraint violations', () => {
  it('carry a stable code and the conflicting value, said in either language', () => {
    const refused = constraintViolation(
      violation('23505', 'idx_utilisateur_email', 'Key (lower(email::text))=(awa@ecole.sn) already exists.'),
    )!;
    expect(refused.exitCode).toBe(2);
    expect(refused.code).toBe('database.constraint.idx_utilisateur_email');
    expect(refused.values).toEqual({ value: 'awa@ecole.sn' });
    expect(renderIn('en', refused.code!, refused.values)).toBe(
      'A user with e-mail awa@ecole.sn already exists (see alumni users show awa@ecole.sn).',
    );
    expect(renderIn('fr', refused.code!, refused.values)).toBe(
      "Un utilisateur a déjà l'e-mail awa@ecole.sn (voir alumni users show awa@ecole.sn).",
    );
  });

  it('name no column of the schema in their sentences', () => {
    for (const key of Object.values(CONSTRAINT_SENTENCES)) {
      for (const language of ['en', 'fr'] as const) {
        const text = renderIn(language, key as MessageKey, { value: null });
        expect(text, key).not.toMatch(
          /\b(nom_complet|date_fin|date_debut|annulee_le|commentaire|domaine_reference|annee_reference|max_membres|fichier_url)\b/,
        );
      }
    }
  });

  it('a constraint without its own sentence is named, in French too', () => {
    const refused = constraintViolation(violation('23514', 'badge_code_court'))!;
    expect(refused.code).toBe('database.constraint_generic.check');
    expect(renderIn('fr', refused.code!, refused.values)).toBe(
      'La base refuse cette valeur (contrainte de vérification badge_code_court).',
    );
  });
});
