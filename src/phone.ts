import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { migrateNationalNumber } from './phone-renumbering.js';
import { CellError, nfc } from './values.js';

// Apart from values.ts: libphonenumber's metadata is large, and only commands that
// store a phone number need it.

/**
 * E.164 (+221771234567). National numbers need the default region (--country). A number
 * written before its country's renumbering (Benin 2024, Côte d'Ivoire 2021) is migrated
 * to today's form (see renumbering.ts).
 */
export function phone(raw: string | undefined, country: CountryCode | undefined): string | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  // "+229 …", "00229 …", "(+229) …"
  const international = /^\(?\s*(\+|00)/.test(value);
  if (!international && !country) {
    throw new CellError(`phone "${value}" has no country code; give the default country with --country`);
  }
  const parsed = parsePhoneNumberFromString(value.replace(/^(\(?\s*)00/, '$1+'), country);
  if (parsed?.isValid()) return parsed.number;
  if (parsed) {
    const migrated = migrateNationalNumber(parsed.countryCallingCode, parsed.nationalNumber);
    if (migrated && 'unresolved' in migrated) throw new CellError(`phone "${value}" ${migrated.unresolved}`);
    if (migrated) {
      const renumbered = parsePhoneNumberFromString(`+${parsed.countryCallingCode}${migrated.number}`);
      if (renumbered?.isValid()) return renumbered.number;
    }
  }
  throw new CellError(`phone "${value}" is not a valid number${international ? '' : ` for ${country}`}`);
}
