/**
 * `npm run audit:verify`: checks the audit log's hash chain (audit/audit.chain.ts) and prints one line,
 * `audit:verify rows=… gaps=… ok` or the first broken link (its sequence number, row id and what differs); the exit
 * status is 1 when the chain is broken.
 */
import "reflect-metadata";
import { formatVerification, verifyAuditChain } from "../audit/audit.chain.js";
import { runScript } from "./bootstrap.js";

void runScript("audit:verify", async ({ db }) => {
  const result = await verifyAuditChain(db);
  console.log(formatVerification(result));
  if (!result.ok) throw new Error("the audit log's hash chain is broken");
});
