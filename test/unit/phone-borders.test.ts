import { describe, expect, it } from 'vitest';
import { phone, rowCountry } from '../../src/phone.js';
import { CellError } from '../../src/values.js';

/** A CellError with this message (its problem, code and values, aside). */
const refusal = (message: string) => expect.objectContaining({ message }) as unknown as Error;

describe('a national number invalid for the default country but valid in a neighbour’s plan', () => {
  it('is refused with the number written for that country', () => {
    expect(() => phone('0803 123 4567', 'SN')).toThrow(
      refusal('phone "0803 123 4567" is not a valid number for SN; it looks like a number from Nigeria: write +234 803 123 4567'),
    );
  });

  it('names every plan it fits, renumberings included (Benin’s new 01 numbers; Benin’s old 8-digit ones)', () => {
    expect(() => phone('0197453659', 'SN')).toThrow(
      refusal(
        'phone "0197453659" is not a valid number for SN; it looks like a number from Benin (+229 01 97 45 36 59), ' +
          'Côte d’Ivoire (+225 01 97 45 3659) or France (+33 1 97 45 36 59): write it with its country code',
      ),
    );
    expect(() => phone('97 45 36 59', 'SN')).toThrow(
      /it looks like a number from Benin \(\+229 01 97 45 36 59\), Côte d’Ivoire \(\+225 07 97 45 3659\), Mali/,
    );
    expect(() => phone('77 123 45 67', 'BJ')).toThrow(/it looks like a number from Senegal \(\+221 77 123 45 67\), /);
  });

  it('says nothing more when no plan has it, or when the number has its country code', () => {
    expect(() => phone('12', 'SN')).toThrow(refusal('phone "12" is not a valid number for SN'));
    expect(() => phone('+221 12', 'SN')).toThrow(refusal('phone "+221 12" is not a valid number'));
  });
});

describe('a row’s own country (a Pays, Country or Indicatif cell)', () => {
  it.each([
    ['BJ', 'BJ'],
    ['sn', 'SN'],
    ['Bénin', 'BJ'],
    ['BENIN', 'BJ'],
    ['Sénégal', 'SN'],
    ["Côte d'Ivoire", 'CI'],
    ['cote d’ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Maroc', 'MA'],
    ['Morocco', 'MA'],
    ['France', 'FR'],
    ['Burkina Faso', 'BF'],
    ['Guinée-Bissau', 'GW'],
    ['RDC', 'CD'],
    ['+229', 'BJ'],
    ['229', 'BJ'],
    ['00229', 'BJ'],
    ['+33', 'FR'],
  ])('%s → %s', (written, code) => {
    expect(rowCountry(written, 'pays')).toBe(code);
  });

  it('is empty (null) or a reason naming the value', () => {
    expect(rowCountry('  ', 'pays')).toBeNull();
    expect(() => rowCountry('Wakanda', 'pays')).toThrow(
      refusal(
        'the country "Wakanda" is not a country phone numbers can be read for (write an ISO code such as SN, a country name, or a dialling code such as +221)',
      ),
    );
    expect(() => rowCountry('+999', 'pays')).toThrow(CellError);
  });
});
