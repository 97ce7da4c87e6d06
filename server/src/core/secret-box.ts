import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** The mark of a sealed value; a later scheme would be `v2:`, and both would open while rows move over. */
const SEALED = "v1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** TSUNAGU_SECRET_KEY or the key file: 32 bytes in base64 (`openssl rand -base64 32`), or null for anything else. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : null;
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

/**
 * Secrets kept in a column (the TOTP keys in user_credential): AES-256-GCM under the app's key, stored as
 * `v1:` + base64url(iv | tag | ciphertext). Each value is bound to `context` (its owner's id) as additional data, so
 * a sealed value copied into another row does not open there. A value without the mark was written before sealing
 * began and is taken as it is; the owner of such a row re-seals it on its next write.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {}

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return SEALED + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The secret; throws (node:crypto's error) when the value was sealed under another key or for another context. */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(SEALED.length), "base64url");
    // authTagLength: a cut-short tag is refused, not checked on fewer bits.
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  }
}
