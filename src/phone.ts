import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { UsageError } from './errors.js';
import { migrateNationalNumber } from './phone-renumbering.js';
import { CellError, nfc } from './values.js';
import { quoted } from './text.js';

// Apart from values.ts: libphonenumber's metadata is large, and only commands that
// store a phone number need it.

/**
 * The default region of national numbers, refused (exit 2) when libphonenumber does not
 * know it: it would otherwise drop it quietly and reject every national number.
 */
export function knownCountry(code: string): CountryCode {
  if (!isSupportedCountry(code))
    throw new UsageError(`Country code "${code}" is not one phone numbers can be read for (use an ISO code such as SN, CI or BJ).`);
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
    throw new CellError(`phone ${quoted(value)} has no country code; give the default country with --country`);
  }
  const read = readIn(value.replace(/^(\(?\s*)00/, '$1+'), country);
  if (read instanceof CellError) throw read;
  if (read) return read.number;
  if (international) throw new CellError(`phone ${quoted(value)} is not a valid number`);
  throw new CellError(`phone ${quoted(value)} is not a valid number for ${country}${neighbourHint(value, country!)}`);
}

/** The number under `country`'s plan, today's or (renumbered) the one before; a CellError when a renumbering cannot tell. */
function readIn(value: string, country: CountryCode | undefined): PhoneNumber | CellError | null {
  const parsed = parsePhoneNumberFromString(value, country);
  if (parsed?.isValid()) return parsed;
  if (!parsed) return null;
  const migrated = migrateNationalNumber(parsed.countryCallingCode, parsed.nationalNumber);
  if (migrated && 'unresolved' in migrated) return new CellError(`phone ${quoted(value)} ${migrated.unresolved}`);
  if (migrated) {
    const renumbered = parsePhoneNumberFromString(`+${parsed.countryCallingCode}${migrated.number}`);
    if (renumbered?.isValid()) return renumbered;
  }
  return null;
}

const ENGLISH_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** "; it looks like a number from Benin: write +229 01 97 45 36 59", or "" when no neighbour's plan has it. */
function neighbourHint(value: string, country: CountryCode): string {
  const matches = NEIGHBOUR_COUNTRIES.flatMap((other) => {
    if (other === country) return [];
    const read = readIn(value, other);
    return read === null || read instanceof CellError ? [] : [{ name: ENGLISH_NAMES.of(other)!, written: read.formatInternational() }];
  });
  if (matches.length === 0) return '';
  if (matches.length === 1) return `; it looks like a number from ${matches[0]!.name}: write ${matches[0]!.written}`;
  const listed = matches.map((m) => `${m.name} (${m.written})`);
  return `; it looks like a number from ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}: write it with its country code`;
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
export function rowCountry(raw: string | undefined, label: string): CountryCode | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  const iso = value.toUpperCase();
  if (/^[A-Z]{2}$/.test(iso) && isSupportedCountry(iso)) return iso;
  const dialling = /^(?:\+|00)?\s*(\d{1,3})$/.exec(value)?.[1];
  // A calling code shared by several countries (+1, +7): any of them reads the others' numbers.
  const byCode = dialling === undefined ? undefined : getCountries().find((code) => getCountryCallingCode(code) === dialling);
  const found = byCode ?? countryNames().get(nameKey(value));
  if (found) return found;
  throw new CellError(
    `${label} ${quoted(value)} is not a country phone numbers can be read for (write an ISO code such as SN, a country name, or a dialling code such as +221)`,
  );
}
