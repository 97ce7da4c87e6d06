import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.js";
import type { ProviderIdentity } from "./oidc.client.js";

/**
 * Linking an identity on its first sign-in, with two sign-ins at once, on the real database (no provider needed: the
 * identity is what oidc.client.ts would have read from it). Several rounds, each with its own account, so that the
 * two transactions really meet at the unique index rather than one finishing before the other starts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const ISSUER = "https://idp.city.example.jp";
const ROUNDS = 5;

const identityOf = (email: string, subject = `sub-${randomUUID()}`): ProviderIdentity => ({
  issuer: ISSUER,
  subject,
  email,
  emailVerified: true,
});

async function identityRows(userId: string) {
  return t.db.query(`SELECT user_id, issuer, subject FROM user_identity WHERE user_id = $1`, [userId]);
}

describe("first sign-in through the identity provider, twice at once", () => {
  it("one person: both sign in to the same account, and the identity is linked once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await t.factories.user();
      const identity = identityOf(user.email);
      const outcomes = await Promise.all([
        t.app.services.oidc.accountFor(identity),
        t.app.services.oidc.accountFor(identity),
      ]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ matched: true, userId: user.id });
      // Exactly one of them made the link; the other signed in through it.
      expect(outcomes.map((o) => o.matched && o.link).sort()).toEqual([false, true]);
      expect(await identityRows(user.id)).toEqual([{ user_id: user.id, issuer: ISSUER, subject: identity.subject }]);
    }
  });

  it("two subjects with the same verified e-mail: one is linked, the other refused as linked to another", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await t.factories.user();
      const [first, second] = [identityOf(user.email), identityOf(user.email)];
      const outcomes = await Promise.all([
        t.app.services.oidc.accountFor(first),
        t.app.services.oidc.accountFor(second),
      ]);
      const won = outcomes.findIndex((o) => o.matched);
      expect(won).toBeGreaterThanOrEqual(0);
      expect(outcomes[won]).toEqual({ matched: true, userId: user.id, link: true });
      expect(outcomes[1 - won]).toEqual({ matched: false, reason: "LINKED_TO_OTHER", userId: user.id });
      expect(await identityRows(user.id)).toEqual([
        { user_id: user.id, issuer: ISSUER, subject: [first, second][won].subject },
      ]);
    }
  });
});
