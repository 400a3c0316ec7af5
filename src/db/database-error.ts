/**
 * An error the database reported (with a SQLSTATE), as the server driver (pg's
 * DatabaseError) and PGlite both raise it: the same fields, different classes.
 */
export interface DatabaseError extends Error {
  code: string;
  severity?: string;
  detail?: string;
  hint?: string;
  /** Where in PL/pgSQL (or which statement) the error was raised. */
  where?: string;
  table?: string;
  /** The column of a NOT NULL violation. */
  column?: string;
  constraint?: string;
}

export function isDatabaseError(error: unknown): error is DatabaseError {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Partial<DatabaseError>;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}
