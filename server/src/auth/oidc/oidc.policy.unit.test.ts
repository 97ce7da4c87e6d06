import { describe, expect, it } from "vitest";
import { matchAccount, safeReturnPath, type MatchFacts } from "./oidc.policy.js";

const facts = (over: Partial<MatchFacts>): MatchFacts => ({
  bySubject: null,
  byEmail: null,
  emailVerified: true,
  hasEmail: true,
  ...over,
});

describe("matchAccount", () => {
  it("takes the account linked to the subject, whatever the e-mail says now", () => {
    expect(
      matchAccount(
        facts({ bySubject: { id: "a", active: true }, byEmail: { id: "b", active: true, linkedSubject: null } }),
      ),
    ).toEqual({ matched: true, userId: "a", link: false });
    expect(matchAccount(facts({ bySubject: { id: "a", active: true }, emailVerified: false }))).toEqual({
      matched: true,
      userId: "a",
      link: false,
    });
  });

  it("refuses a deactivated account, found by subject or by e-mail", () => {
    expect(matchAccount(facts({ bySubject: { id: "a", active: false } }))).toEqual({
      matched: false,
      reason: "INACTIVE",
      userId: "a",
    });
    expect(matchAccount(facts({ byEmail: { id: "b", active: false, linkedSubject: null } }))).toEqual({
      matched: false,
      reason: "INACTIVE",
      userId: "b",
    });
  });

  it("links the account of a verified e-mail on first sign-in", () => {
    expect(matchAccount(facts({ byEmail: { id: "b", active: true, linkedSubject: null } }))).toEqual({
      matched: true,
      userId: "b",
      link: true,
    });
  });

  it("never matches by an unverified e-mail", () => {
    expect(
      matchAccount(facts({ emailVerified: false, byEmail: { id: "b", active: true, linkedSubject: null } })),
    ).toEqual({ matched: false, reason: "EMAIL_NOT_VERIFIED", userId: null });
  });

  it("refuses an unknown person, with or without an e-mail", () => {
    expect(matchAccount(facts({}))).toEqual({ matched: false, reason: "UNKNOWN_USER", userId: null });
    expect(matchAccount(facts({ hasEmail: false, emailVerified: false }))).toEqual({
      matched: false,
      reason: "UNKNOWN_USER",
      userId: null,
    });
  });

  it("does not hand an account linked to another subject to a new one with the same e-mail", () => {
    expect(matchAccount(facts({ byEmail: { id: "b", active: true, linkedSubject: "other" } }))).toEqual({
      matched: false,
      reason: "LINKED_TO_OTHER",
      userId: "b",
    });
  });
});

describe("safeReturnPath", () => {
  it("keeps same-site paths and drops anything that leaves the site", () => {
    expect(safeReturnPath("/people?stage=1")).toBe("/people?stage=1");
    expect(safeReturnPath("/")).toBe("/");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "people", "", null, 3, "/a b"])
      expect(safeReturnPath(bad)).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(600)}`)).toBeNull();
  });
});
