import { Argument, Option } from '@commander-js/extra-typings';
import { UsageError, problem } from '../../errors.js';
import { isUuid, nfc } from '../../values.js';

/**
 * The offers' own flags, parsed and checked where they are declared: a refused value is
 * a usage error (exit 2) naming the flag, before any work; the services receive the
 * parsed values (a price as numeric(12, 2) takes it, an upper-case ISO 4217 code, an id).
 */

/** A price of numeric(12, 2): 0 or more, at most two decimals; "12,50" is 12.50, "25 000" is 25000. */
export function priceValue(flag: string, raw: string): string {
  const text = raw.trim().replace(/\s/g, '');
  if (/^-/.test(text)) throw new UsageError(problem('offers.flag.price_negative', { flag, value: raw.trim() }));
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) throw new UsageError(problem('offers.flag.price_invalid', { flag, value: raw.trim() }));
  return match[2] === undefined ? String(Number(match[1])) : `${Number(match[1])}.${match[2].padEnd(2, '0')}`;
}

/** An ISO 4217 code as the runtime's ICU knows them (XOF, EUR, ...), upper-case. */
export function currencyValue(flag: string, raw: string): string {
  const code = nfc(raw).trim().toUpperCase();
  if (!Intl.supportedValuesOf('currency').includes(code)) {
    throw new UsageError(problem('offers.flag.currency_invalid', { flag, value: raw.trim() }));
  }
  return code;
}

/** An offer's id (a UUID, any case), lower-cased. */
export function offerIdValue(name: string, raw: string): string {
  const id = raw.trim().toLowerCase();
  if (!isUuid(id)) throw new UsageError(problem('offers.flag.invalid_id', { flag: name, value: raw.trim() }));
  return id;
}

/** The option's long name, for messages: "--prix" from "--prix <amount>". */
function flagName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

export function priceOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => priceValue(flagName(flags), text));
}

export function currencyOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => currencyValue(flagName(flags), text));
}

/** `<id>`: one offer's id. */
export function offerIdArgument(description: string) {
  return new Argument('<id>', description).argParser((text: string) => offerIdValue('ID', text));
}

/** `<id...>`: one or more offers' ids, each checked. */
export function offerIdsArgument(description: string) {
  return new Argument('<id...>', description).argParser((text: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    offerIdValue('ID', text),
  ]);
}
