/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  return hash(password);
}
