import { afterEach, describe, expect, it } from 'vitest';
import { age, describeDecision } from '../../src/cli/decisions.js';
import { formatsFor } from '../../src/i18n/format.js';
import { setLanguage } from '../../src/i18n/messages.js';
import type { DecisionView } from '../../src/services/moderation/index.js';

describe('waiting times and decisions, as each language reads them', () => {
  afterEach(() => setLanguage({ language: 'en', source: 'default' }));
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('age: 12m, 5h, 3d in English; 12 min, 5 h, 3 j in French; CSV asks for English', () => {
    expect([age(ago(12), now), age(ago(5 * 60), now), age(ago(3 * 1440), now)]).toEqual(['12m', '5h', '3d']);
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    expect([age(ago(12), now), age(ago(5 * 60), now), age(ago(3 * 1440), now)]).toEqual(['12 min', '5 h', '3 j']);
    expect(age(ago(3 * 1440), now, 'en')).toBe('3d');
  });

  it('a decision: when in the local time zone, outcome, who, why, and its withdrawal', () => {
    const decision: DecisionView = {
      id: 'd1',
      queue: 'groups',
      item_id: 'g1',
      title: 'Club',
      est_approuve: false,
      commentaire: 'Doublon',
      date_validation: new Date('2026-11-20T09:15:00Z'),
      validateur_id: 'u1',
      validateur: 'm1@ecole.example',
      annulee_le: new Date('2026-11-21T10:00:00Z'),
      annulee_par: null,
      annulateur: null,
    };
    const en = formatsFor('en');
    expect(describeDecision(decision)).toBe(
      `${en.dateTime(decision.date_validation)} rejected by m1@ecole.example: Doublon (withdrawn ${en.dateTime(decision.annulee_le!)} by a deleted user)`,
    );
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    const fr = formatsFor('fr');
    expect(describeDecision(decision)).toBe(
      `${fr.dateTime(decision.date_validation)} : rejeté par m1@ecole.example (« Doublon »), décision annulée le ${fr.dateTime(decision.annulee_le!)} par un utilisateur supprimé`,
    );
  });
});
