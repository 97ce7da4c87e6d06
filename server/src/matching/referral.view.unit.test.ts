import { describe, expect, it } from "vitest";
import { ConsentFact } from "../people/consent.enums.js";
import type { Person } from "../people/person.entity.js";
import { previewForHost, redactForHost } from "./referral.view.js";

/** The one projection of a person for hosts (referrals and the consent preview). */
const person = {
  id: "p-1",
  displayName: "Eさん",
  ageBand: "AGE_65_74",
  areaId: "a-1",
  contactPreference: "PHONE",
  contactNote: "夕方に電話",
  householdNote: "室内にごみがたまっている",
  householdIssues: ["HOUSING"],
  householdCircumstances: ["NEEDS_TRANSPORT", "RAISING_CHILDREN"],
  participationLevel: "GOES_OUT",
  needs: {
    wantedActivities: ["園芸"],
    weekdays: ["TUE"],
    timeBands: ["MORNING"],
    mobility: "WALKS",
    groupSize: "SMALL",
    accessibility: [],
    wishes: "話し相手がほしい",
    strengths: "料理",
  },
} as unknown as Person;

describe("redactForHost", () => {
  it("with no fact, shows nothing (only the ids the audit trail needs, which are not fields)", () => {
    const view = redactForHost(person, new Set(), "m-1");
    const { personId, matchId, ...fields } = view;
    expect([personId, matchId]).toEqual(["p-1", "m-1"]);
    expect(Object.values(fields).every((v) => v === null)).toBe(true);
  });

  it("HOUSEHOLD_CIRCUMSTANCES releases the structured 世帯の事情 and nothing else", () => {
    const view = redactForHost(person, new Set([ConsentFact.HOUSEHOLD_CIRCUMSTANCES]), "m-1");
    expect(view.householdCircumstances).toEqual(["NEEDS_TRANSPORT", "RAISING_CHILDREN"]);
    const { personId: _p, matchId: _m, householdCircumstances: _h, ...rest } = view;
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
  });

  it("never carries the free-text 世帯の状況 or the 世帯の課題, whatever the consent releases", () => {
    const view = redactForHost(person, new Set(Object.values(ConsentFact)), "m-1");
    expect(view).not.toHaveProperty("householdNote");
    expect(view).not.toHaveProperty("householdIssues");
    expect(JSON.stringify(view)).not.toContain("ごみ");
    expect(JSON.stringify(view)).not.toContain("HOUSING");
    expect(view.displayName).toBe("Eさん");
    expect(view.wishes).toBe("話し相手がほしい");
  });
});

describe("previewForHost", () => {
  it("is redactForHost of exactly the ticked facts, recorded under the person", () => {
    for (const facts of [[], [ConsentFact.DISPLAY_NAME, ConsentFact.NEEDS], Object.values(ConsentFact)]) {
      expect(previewForHost(person, facts)).toEqual(redactForHost(person, new Set(facts), "p-1"));
    }
  });
});
