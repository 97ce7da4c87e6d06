import { describe, expect, it } from "vitest";
import { coversHost, hasHostConsent, type ConsentCoverFields } from "./consent-cover";

// The cases of the server's rule (server/src/people/consent.policy.ts coversHost), on 2026-11-22 for host o-1.
const TODAY = "2026-11-22";
const referral = (over: Partial<ConsentCoverFields> = {}): ConsentCoverFields => ({
  purpose: "HOST_REFERRAL",
  organization: null,
  givenOn: "2026-04-01",
  expiresOn: null,
  withdrawnAt: null,
  ...over,
});

describe("coversHost (as the server decides 受け入れ先調整)", () => {
  it("covers with a referral consent for any host or for this host, from its day through its expiry day", () => {
    expect(coversHost(referral(), "o-1", TODAY)).toBe(true);
    expect(coversHost(referral({ organization: { id: "o-1" } }), "o-1", TODAY)).toBe(true);
    expect(coversHost(referral({ givenOn: TODAY }), "o-1", TODAY)).toBe(true);
    expect(coversHost(referral({ expiresOn: TODAY }), "o-1", TODAY)).toBe(true);
  });

  it("does not cover with another host's, a withdrawn, an expired, a future or a non-referral consent", () => {
    expect(coversHost(referral({ organization: { id: "o-2" } }), "o-1", TODAY)).toBe(false);
    expect(coversHost(referral({ withdrawnAt: "2026-11-01T00:00:00.000Z" }), "o-1", TODAY)).toBe(false);
    expect(coversHost(referral({ expiresOn: "2026-11-21" }), "o-1", TODAY)).toBe(false);
    expect(coversHost(referral({ givenOn: "2026-11-23" }), "o-1", TODAY)).toBe(false);
    expect(coversHost(referral({ purpose: "SUPPORT_PLAN" }), "o-1", TODAY)).toBe(false);
    expect(coversHost(referral({ purpose: "INFORMATION_SHARING" }), "o-1", TODAY)).toBe(false);
  });

  it("is met by any one consent of the person", () => {
    expect(hasHostConsent([], "o-1", TODAY)).toBe(false);
    expect(
      hasHostConsent([referral({ purpose: "SUPPORT_PLAN" }), referral({ organization: { id: "o-1" } })], "o-1", TODAY),
    ).toBe(true);
  });
});
