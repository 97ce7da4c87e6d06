import { describe, expect, it } from "vitest";
import { ContactMethod } from "../followups/followup.enums.js";
import { ResourceKind } from "../resources/resource.enums.js";
import { tallyFollowUps, type FollowUpFact, type MatchFact } from "./indicator-records.js";

const match = (id: string, personId: string, resourceKind: ResourceKind): MatchFact => ({
  id,
  personId,
  organizationId: "O",
  resourceId: `R-${id}`,
  resourceKind,
  rolesOffered: [],
  areaIds: [],
  targetGroups: [],
  transitions: [],
});
const MATCHES = [match("M1", "P1", ResourceKind.SALON), match("M2", "P1", ResourceKind.SHURO_TAIKEN)];
const f = (matchId: string, contactedOn: string, method: ContactMethod, changeObserved = false): FollowUpFact => ({
  matchId,
  personId: "P1",
  contactedOn,
  method,
  changeObserved,
});

describe("tallyFollowUps", () => {
  it("counts per 年度, method and listing kind: 3/31 and 4/1 fall in different years", () => {
    const { tallies } = tallyFollowUps(
      [
        f("M1", "2025-03-31", ContactMethod.VISIT),
        f("M1", "2025-04-01", ContactMethod.VISIT),
        f("M1", "2026-03-31", ContactMethod.VISIT),
        f("M2", "2025-04-02", ContactMethod.VISIT),
        f("M1", "2025-05-01", ContactMethod.PHONE),
      ],
      MATCHES,
    );
    expect(tallies).toEqual([
      { fiscalYear: 2024, method: ContactMethod.VISIT, resourceKind: ResourceKind.SALON, count: 1 },
      { fiscalYear: 2025, method: ContactMethod.VISIT, resourceKind: ResourceKind.SALON, count: 2 },
      { fiscalYear: 2025, method: ContactMethod.VISIT, resourceKind: ResourceKind.SHURO_TAIKEN, count: 1 },
      { fiscalYear: 2025, method: ContactMethod.PHONE, resourceKind: ResourceKind.SALON, count: 1 },
    ]);
  });

  it("keeps a person's first observed change of each 年度, whichever match it was on, and no other", () => {
    const { changes } = tallyFollowUps(
      [
        f("M1", "2025-06-01", ContactMethod.VISIT, true),
        f("M2", "2025-05-01", ContactMethod.PHONE, true),
        f("M1", "2025-04-15", ContactMethod.PHONE, false),
        f("M1", "2026-04-01", ContactMethod.VISIT, true),
      ],
      MATCHES,
    );
    expect(changes).toEqual([
      { personId: "P1", contactedOn: "2025-05-01" },
      { personId: "P1", contactedOn: "2026-04-01" },
    ]);
  });

  it("leaves out a follow-up of a match it was not given, as the loader's join to the match would", () => {
    expect(tallyFollowUps([f("M9", "2025-06-01", ContactMethod.VISIT, true)], MATCHES)).toEqual({
      tallies: [],
      changes: [],
    });
  });
});
