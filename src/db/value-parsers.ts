// Both back ends hand values back in the same JavaScript types, so services do not care
// which one they run on: bigint counts as numbers, dates as 'YYYY-MM-DD' strings,
// numerics as strings (exact), timestamps with time zone as Date.
export const INT8 = 20;
export const DATE = 1082;
export const NUMERIC = 1700;
export const parseInt8 = (value: string) => Number(value);
export const keepText = (value: string) => value;

/** The parsers by type oid, as PGlite takes them (pg gets the same through getTypeParser). */
export const VALUE_PARSERS = { [INT8]: parseInt8, [DATE]: keepText, [NUMERIC]: keepText };
