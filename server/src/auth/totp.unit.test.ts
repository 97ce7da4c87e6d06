import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpAt } from "./totp.js";

// RFC 6238 appendix B: the seeds are the ASCII digits "1234567890" repeated to the key length of each hash.
const SEED_SHA1 = Buffer.from("12345678901234567890", "ascii");
const SEED_SHA256 = Buffer.from("12345678901234567890123456789012", "ascii");
const SEED_SHA512 = Buffer.from("1234567890123456789012345678901234567890123456789012345678901234", "ascii");

const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("the RFC's 8-digit vectors at T=%i", (seconds, sha1, sha256, sha512) => {
    expect(totpAt(SEED_SHA1, seconds * 1000, 8, "sha1")).toBe(sha1);
    expect(totpAt(SEED_SHA256, seconds * 1000, 8, "sha256")).toBe(sha256);
    expect(totpAt(SEED_SHA512, seconds * 1000, 8, "sha512")).toBe(sha512);
  });

  it("RFC 4226 appendix D: HOTP of the first counters", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871"];
    expected.forEach((code, counter) => expect(hotp(SEED_SHA1, counter)).toBe(code));
  });

  it("accepts the code of the step before and after, and nothing further", () => {
    const t = 1_800_000_000_000;
    expect(matchTotp(SEED_SHA1, totpAt(SEED_SHA1, t), t)).toBe(Math.floor(t / 30_000));
    expect(matchTotp(SEED_SHA1, totpAt(SEED_SHA1, t - 30_000), t)).toBe(Math.floor(t / 30_000) - 1);
    expect(matchTotp(SEED_SHA1, totpAt(SEED_SHA1, t + 30_000), t)).toBe(Math.floor(t / 30_000) + 1);
    expect(matchTotp(SEED_SHA1, totpAt(SEED_SHA1, t - 60_000), t)).toBeNull();
    expect(matchTotp(SEED_SHA1, totpAt(SEED_SHA1, t + 60_000), t)).toBeNull();
    expect(matchTotp(SEED_SHA1, "12345", t)).toBeNull();
    expect(matchTotp(SEED_SHA1, "abcdef", t)).toBeNull();
  });

  it("base32 round-trips (RFC 4648 vectors) and reads hand-typed secrets", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("fooba"))).toBe("MZXW6YTB");
    expect(base32Decode("mzxw 6ytb-oi======").toString()).toBe("foobar");
    expect(base32Decode(base32Encode(SEED_SHA1)).equals(SEED_SHA1)).toBe(true);
    expect(() => base32Decode("MZ1")).toThrow(RangeError);
  });

  it("writes the Key Uri Format authenticator apps read", () => {
    const uri = otpauthUri("JBSWY3DPEHPK3PXP", "sato@example.jp", "tsunagu");
    expect(uri).toBe(
      "otpauth://totp/tsunagu%3Asato%40example.jp?secret=JBSWY3DPEHPK3PXP&issuer=tsunagu&algorithm=SHA1&digits=6&period=30",
    );
  });
});
