import { describe, expect, it } from "vitest";
import { ConsentFact, ConsentPurpose, ConsentState } from "./consent.enums.js";
import {
  consentState,
  coversHost,
  factsForHost,
  hasAnyActiveConsent,
  hasHostConsent,
  type ConsentLike,
} from "./consent.policy.js";

const TODAY = "2026-07-16";
const HOST_A = "org-a";
const HOST_B = "org-b";

const consent = (overrides: Partial<ConsentLike> = {}): ConsentLike => ({
  purpose: ConsentPurpose.HOST_REFERRAL,
  organizationId: HOST_A,
  facts: [ConsentFact.DISPLAY_NAME],
  givenOn: "2026-04-01",
  expiresOn: null,
  withdrawnAt: null,
  ...overrides,
});
const withdrawn = { withdrawnAt: new Date("2026-07-01T03:00:00Z") };

describe("the state of a consent (JST days; valid through its expiry day)", () => {
  it("is active with no expiry, and on every day up to and including its expiry day", () => {
    expect(consentState(consent(), TODAY)).toBe(ConsentState.ACTIVE);
    expect(consentState(consent({ expiresOn: "2026-07-17" }), TODAY)).toBe(ConsentState.ACTIVE);
    expect(consentState(consent({ expiresOn: TODAY }), TODAY)).toBe(ConsentState.ACTIVE);
  });

  it("has expired from the day after its expiry day", () => {
    expect(consentState(consent({ expiresOn: "2026-07-15" }), TODAY)).toBe(ConsentState.EXPIRED);
  });

  it("is withdrawn once withdrawn, whatever its expiry says", () => {
    expect(consentState(consent(withdrawn), TODAY)).toBe(ConsentState.WITHDRAWN);
    expect(consentState(consent({ ...withdrawn, expiresOn: "2027-03-31" }), TODAY)).toBe(ConsentState.WITHDRAWN);
    expect(consentState(consent({ ...withdrawn, expiresOn: "2026-07-15" }), TODAY)).toBe(ConsentState.WITHDRAWN);
  });
});

describe("which hosts a referral consent covers", () => {
  it("a consent naming a host covers that host only; one naming none covers any host", () => {
    expect(coversHost(consent(), HOST_A, TODAY)).toBe(true);
    expect(coversHost(consent(), HOST_B, TODAY)).toBe(false);
    expect(coversHost(consent({ organizationId: null }), HOST_A, TODAY)).toBe(true);
    expect(coversHost(consent({ organizationId: null }), HOST_B, TODAY)).toBe(true);
  });

  it("only a 受け入れ先への紹介 consent covers a host: 情報共有 and 支援プラン consents release nothing to it", () => {
    for (const purpose of [ConsentPurpose.INFORMATION_SHARING, ConsentPurpose.SUPPORT_PLAN]) {
      expect(coversHost(consent({ purpose }), HOST_A, TODAY), purpose).toBe(false);
      expect(coversHost(consent({ purpose, organizationId: null }), HOST_A, TODAY), purpose).toBe(false);
    }
  });

  it("a withdrawn, expired or not yet given consent covers no host; one given today or expiring today does", () => {
    expect(coversHost(consent(withdrawn), HOST_A, TODAY)).toBe(false);
    expect(coversHost(consent({ expiresOn: "2026-07-15" }), HOST_A, TODAY)).toBe(false);
    expect(coversHost(consent({ givenOn: "2026-07-17" }), HOST_A, TODAY)).toBe(false);
    expect(coversHost(consent({ givenOn: TODAY }), HOST_A, TODAY)).toBe(true);
    expect(coversHost(consent({ expiresOn: TODAY }), HOST_A, TODAY)).toBe(true);
  });

  it("hasHostConsent: some consent in force covers this very host", () => {
    expect(hasHostConsent([], HOST_A, TODAY)).toBe(false);
    expect(hasHostConsent([consent({ organizationId: HOST_B })], HOST_A, TODAY)).toBe(false);
    expect(hasHostConsent([consent({ ...withdrawn })], HOST_A, TODAY)).toBe(false);
    expect(
      hasHostConsent([consent({ ...withdrawn }), consent({ organizationId: HOST_B }), consent()], HOST_A, TODAY),
    ).toBe(true);
    expect(
      hasHostConsent([consent({ organizationId: HOST_B }), consent({ organizationId: null })], HOST_A, TODAY),
    ).toBe(true);
  });
});

describe("the facts a host may see", () => {
  it("are the union of the facts of every consent in force covering the host", () => {
    const facts = factsForHost(
      [
        consent({ facts: [ConsentFact.DISPLAY_NAME, ConsentFact.AGE_BAND] }),
        consent({ organizationId: null, facts: [ConsentFact.AGE_BAND, ConsentFact.NEEDS] }),
      ],
      HOST_A,
      TODAY,
    );
    expect([...facts].sort()).toEqual([ConsentFact.AGE_BAND, ConsentFact.DISPLAY_NAME, ConsentFact.NEEDS].sort());
  });

  it("leave out the facts of a consent for another host, withdrawn, expired, not yet given or for another purpose", () => {
    const facts = factsForHost(
      [
        consent({ facts: [ConsentFact.AREA] }),
        consent({ organizationId: HOST_B, facts: [ConsentFact.CONTACT] }),
        consent({ ...withdrawn, facts: [ConsentFact.HOUSEHOLD_CIRCUMSTANCES] }),
        consent({ expiresOn: "2026-07-15", facts: [ConsentFact.NEEDS] }),
        consent({ givenOn: "2026-07-17", facts: [ConsentFact.PARTICIPATION_LEVEL] }),
        consent({
          purpose: ConsentPurpose.INFORMATION_SHARING,
          organizationId: null,
          facts: [ConsentFact.WISHES_AND_STRENGTHS],
        }),
      ],
      HOST_A,
      TODAY,
    );
    expect([...facts]).toEqual([ConsentFact.AREA]);
  });

  it("are none when no consent covers the host", () => {
    expect(factsForHost([], HOST_A, TODAY).size).toBe(0);
    expect(factsForHost([consent({ organizationId: HOST_B, facts: [ConsentFact.CONTACT] })], HOST_A, TODAY).size).toBe(
      0,
    );
  });
});

describe("whether a person has any consent in force (which takes them off the 支援会議 track)", () => {
  it("any purpose counts, for any host or none", () => {
    for (const purpose of Object.values(ConsentPurpose)) {
      expect(hasAnyActiveConsent([consent({ purpose, organizationId: null })], TODAY), purpose).toBe(true);
    }
    expect(hasAnyActiveConsent([consent({ organizationId: HOST_B })], TODAY)).toBe(true);
  });

  it("a withdrawn, expired or future consent does not count; one expiring today or given today does", () => {
    expect(hasAnyActiveConsent([], TODAY)).toBe(false);
    expect(hasAnyActiveConsent([consent(withdrawn)], TODAY)).toBe(false);
    expect(hasAnyActiveConsent([consent({ expiresOn: "2026-07-15" })], TODAY)).toBe(false);
    expect(hasAnyActiveConsent([consent({ givenOn: "2026-07-17" })], TODAY)).toBe(false);
    expect(hasAnyActiveConsent([consent(withdrawn), consent({ expiresOn: TODAY })], TODAY)).toBe(true);
    expect(hasAnyActiveConsent([consent({ givenOn: TODAY })], TODAY)).toBe(true);
  });
});
