import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { problem, UsageError } from './errors.js';
import { migrateNationalNumber } from './phone-renumbering.js';
import { CellError, nfc } from './values.js';
import { shortened } from './text.js';

// Apart from values.ts: libphonenumber's metadata is large, and only commands that
// store a phone number need it.

/**
 * The default region of national numbers, refused (exit 2) when libphonenumber does not
 * know it: it would otherwise drop it quietly and reject every national number.
 */
export function knownCountry(code: string): CountryCode {
  if (!isSupportedCountry(code)) throw new UsageError(problem('import.phone.unknown_country_code', { code: shortened(code) }));
  return code;
}

/**
 * The plans a national number refused for the default country is tried against, to say
 * whose number it looks like: West Africa first (where the schools' graduates come
 * from), then Central and North Africa, France and Belgium. In this order in a reason.
 */
export const NEIGHBOUR_COUNTRIES: readonly CountryCode[] = [
  'SN', 'BJ', 'CI', 'ML', 'BF', 'NE', 'TG', 'GN', 'GW', 'GM', 'MR', 'CV', 'GH', 'NG', 'LR', 'SL',
  'CM', 'GA', 'CG', 'CD', 'TD', 'CF',
  'MA', 'DZ', 'TN',
  'FR', 'BE',
]; // prettier-ignore

/**
 * E.164 (+221771234567). National numbers need the default region (--country, or the
 * row's own country). A number written before its country's renumbering (Benin 2024,
 * Côte d'Ivoire 2021) is migrated to today's form (see renumbering.ts). A national
 * number invalid for `country` but valid in a neighbour's plan is refused with the
 * number written for that country.
 */
export function phone(raw: string | undefined, country: CountryCode | undefined): string | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  if (country) knownCountry(country);
  // "+229 …", "00229 …", "(+229) …"
  const international = /^\(?\s*(\+|00)/.test(value);
  if (!international && !country) {
    throw new CellError(problem('import.phone.no_country', { value: shortened(value) }));
  }
  const read = readIn(value.replace(/^(\(?\s*)00/, '$1+'), country);
  if (read instanceof CellError) throw read;
  if (read) return read.number;
  if (international) throw new CellError(problem('import.phone.invalid', { value: shortened(value) }));
  throw new CellError(
    problem('import.phone.invalid_for_country', { value: shortened(value), country: country!, neighbours: neighbours(value, country!) }),
  );
}

/** The number under `country`'s plan, today's or (renumbered) the one before; a CellError when a renumbering cannot tell. */
function readIn(value: string, country: CountryCode | undefined): PhoneNumber | CellError | null {
  const parsed = parsePhoneNumberFromString(value, country);
  if (parsed?.isValid()) return parsed;
  if (!parsed) return null;
  const migrated = migrateNationalNumber(parsed.countryCallingCode, parsed.nationalNumber);
  if (migrated && 'unresolved' in migrated) return new CellError(problem(migrated.unresolved, { value: shortened(value) }));
  if (migrated) {
    const renumbered = parsePhoneNumberFromString(`+${parsed.countryCallingCode}${migrated.number}`);
    if (renumbered?.isValid()) return renumbered;
  }
  return null;
}

/**
 * The neighbours whose plan has the number, with the number written for each (the
 * message names them: "it looks like a number from Benin: write +229 01 97 45 36 59").
 */
function neighbours(value: string, country: CountryCode): Array<{ country: string; written: string }> {
  return NEIGHBOUR_COUNTRIES.flatMap((other) => {
    if (other === country) return [];
    const read = readIn(value, other);
    return read === null || read instanceof CellError ? [] : [{ country: other, written: read.formatInternational() }];
  });
}

// Names a roster writes for a country that are not its French or English name.
const COUNTRY_ALIASES: Record<string, CountryCode> = {
  'ivory coast': 'CI',
  rci: 'CI',
  'guinée conakry': 'GN',
  rdc: 'CD',
  drc: 'CD',
  'rd congo': 'CD',
  'congo kinshasa': 'CD',
  'république démocratique du congo': 'CD',
  'congo brazzaville': 'CG',
  'république du congo': 'CG',
  usa: 'US',
  'états-unis': 'US',
  uk: 'GB',
  angleterre: 'GB',
};

/** Without case, accents, spaces or punctuation: "Côte d’Ivoire" and "cote d'ivoire" are one name. */
const nameKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

let countriesByName: Map<string, CountryCode> | undefined;

/** Every country phone numbers can be read for, by its French and English names (ICU's) and the aliases. */
function countryNames(): Map<string, CountryCode> {
  if (countriesByName) return countriesByName;
  countriesByName = new Map();
  for (const locale of ['fr', 'en']) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of getCountries()) countriesByName.set(nameKey(names.of(code) ?? code), code);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countriesByName.set(nameKey(alias), code);
  return countriesByName;
}

/**
 * A row's own country (a Pays, Country or Indicatif cell), for its national phone
 * numbers: an ISO code (`SN`), a name in French or English in any case or accents
 * (`Bénin`, `cote d'ivoire`, `Morocco`), or a dialling code (`+229`, `00229`, `229`).
 * Null when empty; a CellError when it names no country.
 */
export function rowCountry(raw: string | undefined, field: string): CountryCode | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  const iso = value.toUpperCase();
  if (/^[A-Z]{2}$/.test(iso) && isSupportedCountry(iso)) return iso;
  const dialling = /^(?:\+|00)?\s*(\d{1,3})$/.exec(value)?.[1];
  // A calling code shared by several countries (+1, +7): any of them reads the others' numbers.
  const byCode = dialling === undefined ? undefined : getCountries().find((code) => getCountryCallingCode(code) === dialling);
  const found = byCode ?? countryNames().get(nameKey(value));
  if (found) return found;
  throw new CellError(problem('import.country.unknown', { field, value: shortened(value) }));
}
