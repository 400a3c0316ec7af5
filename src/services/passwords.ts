/** The password rule, the same for --password-stdin and the terminal prompt (README, users add). */
export const PASSWORD_MIN_CHARACTERS = 8;
/** argon2 takes any length; a longer "password" is a file piped by mistake. */
export const PASSWORD_MAX_BYTES = 1024;
export const PASSWORD_TOO_LONG = `a password holds at most ${PASSWORD_MAX_BYTES} bytes (UTF-8)`;

/**
 * Why `password` is refused (lower-case, no full stop, to be put in a sentence), or
 * undefined when it is fine. It is taken as given: spaces inside or around it are part
 * of it, and nothing is normalised, so what is typed at login is what was set.
 */
export function passwordProblem(password: string): string | undefined {
  if (password.trim() === '') return 'a password cannot be empty or only spaces';
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return PASSWORD_TOO_LONG;
  if ([...password].length < PASSWORD_MIN_CHARACTERS) return `a password needs at least ${PASSWORD_MIN_CHARACTERS} characters`;
  // A line break inside is two lines piped by mistake; none of these can be typed at a login form.
  if (/\p{Cc}/u.test(password)) return 'a password cannot hold control characters (tab, line break, escape)';
  return undefined;
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  return hash(password);
}
