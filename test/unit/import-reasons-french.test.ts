import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/messages.js';
import { mapHeaders } from '../../src/import/headers.js';
import { RowReasons } from '../../src/import/reasons.js';
import { ROSTER_HEADERS } from '../../src/import/roster/headers.js';
import { phone, rowCountry } from '../../src/phone.js';
import { shortened, shortList } from '../../src/text.js';
import * as value from '../../src/values.js';

/** A CellError with this message (its problem, code and values, aside). */
const refusal = (message: string | RegExp) =>
  expect.objectContaining({ message: typeof message === 'string' ? message : expect.stringMatching(message) }) as unknown as Error;

/**
 * The reasons of a roster's cells in French (issue 26): what the rejects file's `reason`
 * column says under --lang fr, with the fields in words and the values between « ».
 */
describe('cell reasons in French', () => {
  beforeAll(() => setLanguage({ language: 'fr', source: '--lang', value: 'fr' }));
  afterAll(() => setLanguage({ language: 'en', source: 'default' }));

  it('name the field in words, never by its column', () => {
    expect(() => value.text('x'.repeat(201), 200, 'nom_complet')).toThrow(refusal('le nom dépasse 200 caractères'));
    expect(() => value.statut('retraité')).toThrow(refusal(/^le statut « retraité » ne fait pas partie des valeurs admises : /));
    expect(() => value.employment('peut-être')).toThrow(refusal(/^la situation professionnelle « peut-être » n'est ni oui\/non/));
  });

  it('say what is wrong with an address, a year, a date and a web address', () => {
    expect(() => value.email('awa.ucad.sn')).toThrow(refusal("l'adresse e-mail « awa.ucad.sn » n'est pas valide (il n'y a pas de @)"));
    expect(() => value.email('awa diop@ucad.sn')).toThrow(
      refusal("l'adresse e-mail « awa diop@ucad.sn » n'est pas valide (elle contient une espace, qui ne peut pas figurer avant le @)"),
    );
    expect(() => value.year('2018-2020')).toThrow(
      refusal("l'année de sortie « 2018-2020 » n'est pas une année scolaire (deux années qui se suivent, comme 2018-2019)"),
    );
    expect(() => value.spreadsheetDate('31/02/2020', 'date_creation')).toThrow(
      refusal("la date de création « 31/02/2020 » n'est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ)"),
    );
    expect(() => value.url('orange.bj', 'site_web')).toThrow(
      refusal("le site web « orange.bj » n'est pas une adresse web (écrivez-la https://…)"),
    );
  });

  it('name the country a phone number looks like from, in French', () => {
    expect(() => phone('0803 123 4567', 'SN')).toThrow(
      refusal(
        "le téléphone « 0803 123 4567 » n'est pas un numéro valide pour SN ; il ressemble à un numéro de ce pays : Nigeria, à écrire +234 803 123 4567",
      ),
    );
    expect(() => rowCountry('Wakanda', 'pays')).toThrow(refusal(/^le pays « Wakanda » n'est pas un pays/));
  });

  it('are joined by "; " in a row, and refused values are shortened with French digits', () => {
    const reasons = new RowReasons();
    reasons.cell('email', () => value.email('@ucad.sn'));
    reasons.cell('annee_sortie', () => value.year('bientôt'));
    expect(reasons.toString()).toBe(
      "l'adresse e-mail « @ucad.sn » n'est pas valide (rien avant le @); l'année de sortie « bientôt » n'est pas une année",
    );
    expect(shortened('A'.repeat(2_060))).toBe(`${'A'.repeat(60)}… (et 2\u202f000 caractères de plus)`);
    expect(shortList(Array.from({ length: 12 }, (_, i) => `c${i}`))).toBe('c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 et 2 autres');
  });

  it('make a command refuse a value with a French sentence, keeping the code of the cell', () => {
    expect(() => value.checkedValues(() => value.text('x'.repeat(101), 100, 'titre'))).toThrow(
      expect.objectContaining({
        exitCode: 2,
        code: 'import.value.nothing_written',
        message: "Le titre dépasse 100 caractères ; rien n'a été enregistré.",
        values: expect.objectContaining({ reasonCode: 'import.value.too_long' }),
      }),
    );
  });

  it('refuse a header that would lose a column in French, with both ways out ready to paste', () => {
    expect(() => mapHeaders(ROSTER_HEADERS, ['Nom complet', 'Matricule', 'Promotoin'])).toThrow(
      expect.objectContaining({
        exitCode: 2,
        code: 'import.headers.unread_columns',
        message:
          "La colonne « Promotoin » (ressemble à l'année de sortie) ne serait pas lue : lisez-la avec --map 'Promotoin=annee_sortie', " +
          "ou écartez-la avec --ignore-column 'Promotoin' (--map accepte nom_complet, prenom, nom, matricule, email, annee_sortie, " +
          'telephone, domaine, travailleur, titre, statut, role, pays).',
      }),
    );
    expect(() => mapHeaders(ROSTER_HEADERS, ['Prénom', 'Matricule'])).toThrow(
      expect.objectContaining({
        message:
          "Le fichier n'a pas de colonne pour le nom de famille (ses colonnes : Prénom, Matricule) ; désignez-en une avec --map 'Colonne=nom'.",
      }),
    );
  });
});
