import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
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
 * E.164 (+221771234567). National numbers need the default region (--country). A number
 * written before its country's renumbering (Benin 2024, Côte d'Ivoire 2021) is migrated
 * to today's form (see renumbering.ts).
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
  const parsed = parsePhoneNumberFromString(value.replace(/^(\(?\s*)00/, '$1+'), country);
  if (parsed?.isValid()) return parsed.number;
  if (parsed) {
    const migrated = migrateNationalNumber(parsed.countryCallingCode, parsed.nationalNumber);
    if (migrated && 'unresolved' in migrated) throw new CellError(`phone ${quoted(value)} ${migrated.unresolved}`);
    if (migrated) {
      const renumbered = parsePhoneNumberFromString(`+${parsed.countryCallingCode}${migrated.number}`);
      if (renumbered?.isValid()) return renumbered.number;
    }
  }
  throw new CellError(`phone ${quoted(value)} is not a valid number${international ? '' : ` for ${country}`}`);
}
