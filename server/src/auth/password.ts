import { Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum for argon2id). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account does not exist keeps response times alike for known and unknown emails. */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1wVIp0WvWwBvsZ3Kp5+ui5MECXbxGfkp0ab7P+Fbn3A";
