import iconv from "iconv-lite";
import type { SourceEncoding } from "../imported-listing.js";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** `.xlsx` is a zip: it starts with "PK\x03\x04". */
export const looksLikeZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const hasUtf8Bom = (bytes: Uint8Array): boolean => UTF8_BOM.every((b, i) => bytes[i] === b);

const isStrictUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * How a text file's bytes are encoded: a BOM says UTF-8; else bytes that decode as strict UTF-8 are UTF-8 (CP932
 * Japanese text almost never does); else CP932 (Windows-31J: Shift_JIS plus the NEC/IBM extensions — ①, ㈱, 髙, ～ —
 * which plain Shift_JIS would lose). A zip is reported as XLSX.
 */
export function detectEncoding(bytes: Uint8Array): SourceEncoding {
  if (looksLikeZip(bytes)) return "XLSX";
  if (hasUtf8Bom(bytes)) return "UTF8_BOM";
  return isStrictUtf8(bytes) ? "UTF8" : "CP932";
}

/** The text of a CSV/JSON file, decoded as `detectEncoding` says, without the BOM. */
export function decodeText(bytes: Uint8Array, encoding: SourceEncoding): string {
  switch (encoding) {
    case "UTF8_BOM":
      return new TextDecoder("utf-8").decode(bytes.subarray(UTF8_BOM.length));
    case "CP932":
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp932");
    default:
      return new TextDecoder("utf-8").decode(bytes);
  }
}
