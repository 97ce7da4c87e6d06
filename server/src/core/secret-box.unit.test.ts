import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox, isSealed, parseSecretKey } from "./secret-box.js";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("SecretBox (AES-256-GCM for secrets at rest)", () => {
  const box = new SecretBox(randomBytes(32));

  it("seals to a marked value that holds nothing of the secret, and opens it again", () => {
    const sealed = box.seal(SECRET, "user-1");
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(box.open(sealed, "user-1")).toBe(SECRET);
    // A fresh IV each time: one secret never looks the same twice.
    expect(box.seal(SECRET, "user-1")).not.toBe(sealed);
  });

  it("takes a value written before sealing began as it is", () => {
    expect(isSealed(SECRET)).toBe(false);
    expect(box.open(SECRET, "user-1")).toBe(SECRET);
  });

  it("refuses another owner's value, another key's, and any altered or cut-short value", () => {
    const sealed = box.seal(SECRET, "user-1");
    expect(() => box.open(sealed, "user-2")).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, "user-1")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1:${raw.toString("base64url")}`, "user-1")).toThrow();
    expect(() => box.open(sealed.slice(0, 20), "user-1")).toThrow();
  });
});

describe("parseSecretKey", () => {
  it("takes 32 bytes in base64 (openssl rand -base64 32), with or without padding or a newline", () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(`${key.toString("base64")}\n`)).toEqual(key);
    expect(parseSecretKey(key.toString("base64url"))).toEqual(key);
  });

  it("refuses anything else", () => {
    for (const text of ["", "secret", randomBytes(16).toString("base64"), randomBytes(48).toString("base64")]) {
      expect(parseSecretKey(text), text).toBeNull();
    }
  });
});
