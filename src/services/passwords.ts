/** The password rule, the same for --password-stdin and the terminal prompt (README, users add). */
export const PASSWORD_MIN_CHARACTERS = 8;
/** argon2 takes any length; a longer "password" is a file piped by mistake. */
export const PASSWORD_MAX_BYTES = 1024;

/** Why a password is refused: the catalog says it in words (users.password.*). */
export type PasswordProblem = 'empty' | 'too_long' | 'too_short' | 'control';

/** The rule's values, for the catalog's sentences: `{ reason, ...passwordLimits }`. */
export const passwordLimits = { min_characters: PASSWORD_MIN_CHARACTERS, max_bytes: PASSWORD_MAX_BYTES } as const;

/**
 * Why `password` is refused, or undefined when it is fine. It is taken as given: spaces
 * inside or around it are part of it, and nothing is normalised, so what is typed at
 * login is what was set.
 */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.trim() === '') return 'empty';
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return 'too_long';
  if ([...password].length < PASSWORD_MIN_CHARACTERS) return 'too_short';
  // A line break inside is two lines piped by mistake; none of these can be typed at a login form.
  if (/\p{Cc}/u.test(password)) return 'control';
  return undefined;
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  return hash(password);
}
