import { createHash } from "node:crypto";

/**
 * HSDS wants a uuid on every row. Services and organizations keep tsunagu's own ids; the rows tsunagu has no table
 * for (a listing's location, its schedules, phones, attributes, the published taxonomies) get name-based UUIDs
 * (RFC 4122 version 5), so that the same listing exports the same ids every time and a consumer can diff two exports.
 */
const TSUNAGU_NAMESPACE = "6f1b7a52-3c2e-4d0b-9a55-0f3f0c1e7d21";

export function stableId(name: string): string {
  const ns = Buffer.from(TSUNAGU_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
