import { GraphQLObjectType, getNamedType, isLeafType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { MatchStage } from "../matching/match.enums.js";
import { Attendance, Match } from "../matching/match.entity.js";
import { Consent } from "../people/consent.entity.js";
import { ConsentFact, ConsentPurpose } from "../people/consent.enums.js";
import type { Person } from "../people/person.entity.js";
import { Resource } from "../resources/resource.entity.js";
import { getSchema } from "../schema.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { loadMatrix, type Role } from "./access-matrix.js";
import { CALLS, makeWorld, type World } from "./access-matrix.calls.js";
import { inputFieldNames, reachableOutputTypes, rootType, selectAll } from "./schema-walk.js";

/** Types that carry a person or their casework. */
const CASEWORK_TYPES = [
  "Person",
  "NeedsProfile",
  "Consent",
  "SupportPlan",
  "SupportMeetingGroup",
  "Match",
  "MatchTransition",
  "AllowedTransition",
  "FollowUpRecord",
  "FollowUpDue",
  "DueFollowUp",
  "Referral",
  "ReferralPerson",
  "Attendance",
  "SuggestionResult",
];
/** What a host legitimately receives: its referrals, redacted, and their attendance. */
const HOST_CASEWORK_TYPES = ["Referral", "ReferralPerson", "Attendance"];
const HOST_REFERRAL_FIELDS = ["myReferrals", "referral", "respondToReferral", "recordAttendance"];
/** Arguments that point at a person or their casework. */
const CASEWORK_KEYS = ["personId", "matchId", "consentId", "dueId", "supportMeetingGroupId", "memberIds"];

const REFERRAL_PERSON =
  "person { displayName ageBand area { id } contactPreference contactNote wantedActivities weekdays timeBands mobility groupSize accessibility wishes strengths participationLevel householdCircumstances }";
/** Which ReferralPerson fields each fact releases. */
const FIELDS_OF: Record<ConsentFact, string[]> = {
  DISPLAY_NAME: ["displayName"],
  AGE_BAND: ["ageBand"],
  AREA: ["area"],
  CONTACT: ["contactPreference", "contactNote"],
  NEEDS: ["wantedActivities", "weekdays", "timeBands", "mobility", "groupSize", "accessibility"],
  WISHES_AND_STRENGTHS: ["wishes", "strengths"],
  PARTICIPATION_LEVEL: ["participationLevel"],
  HOUSEHOLD_CIRCUMSTANCES: ["householdCircumstances"],
};

let t: TestApp;
let w: World;
let schema: GraphQLSchema;
let host: Gql;
let coordinator: Gql;
let viewer: Gql;
const matrix = loadMatrix().rows;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
  schema = await getSchema();
  host = await t.asViewer(w.users.HOST);
  coordinator = await t.asViewer(w.users.COORDINATOR);
  viewer = await t.asViewer(w.users.VIEWER);
});
afterAll(() => t?.close());

async function personWithEverything(): Promise<Person> {
  const area = await w.f.area();
  return w.f.person({
    displayName: "Cさん",
    ageBand: "AGE_18_29" as never,
    areaId: area.id,
    contactPreference: "EMAIL" as never,
    contactNote: "平日の夜",
    householdNote: "祖母と同居",
    householdIssues: ["CARE_BURDEN" as never],
    householdCircumstances: ["CARING_FOR_FAMILY" as never],
    participationLevel: "SUPPORTER_CONTACT" as never,
    needs: {
      wantedActivities: ["ゲーム"],
      weekdays: ["SAT" as never],
      timeBands: ["AFTERNOON" as never],
      mobility: "BICYCLE" as never,
      groupSize: "SMALL_GROUP" as never,
      accessibility: ["QUIET_ROOM" as never],
      wishes: "人と話したい",
      strengths: "パソコンが得意",
    },
  });
}

async function referral(person: Person, orgId = w.hostOrg.id, stage = MatchStage.HOST_COORDINATION) {
  const resource = await w.f.resource({ organizationId: orgId });
  const path: [MatchStage, string][] =
    stage === MatchStage.ACTIVE_FOLLOW_UP
      ? [
          [MatchStage.HOST_COORDINATION, today()],
          [MatchStage.PROPOSED, today()],
          [MatchStage.ACTIVE_FOLLOW_UP, today()],
        ]
      : [[MatchStage.HOST_COORDINATION, today()]];
  return w.f.match({ personId: person.id, resourceId: resource.id, coordinatorId: w.users.COORDINATOR.id, path });
}

function fieldsAllowedTo(role: Role) {
  return matrix.filter((r) => r.cells[role].allowed).map((r) => rootType(schema, r.kind).getFields()[r.field]);
}

describe("what a HOST or a VIEWER can reach at all", () => {
  it("covers every role: a new role would need its own rules here", () => {
    expect(Object.values(UserRole).sort()).toEqual(["ADMIN", "COORDINATOR", "HOST", "VIEWER"]);
  });

  it("VIEWER and anonymous callers: no person or casework type is reachable through any field they may call", () => {
    for (const role of ["VIEWER", "ANONYMOUS"] as const) {
      const reachable = reachableOutputTypes(schema, fieldsAllowedTo(role));
      expect(reachable.has("ResourceGap") || role === "ANONYMOUS", "the walk reaches the aggregates").toBe(true);
      expect(
        CASEWORK_TYPES.filter((t) => reachable.has(t)),
        role,
      ).toEqual([]);
    }
  });

  it("HOST: of the casework types only its referrals (redacted) and their attendance; a referred person has no id", () => {
    const reachable = reachableOutputTypes(schema, fieldsAllowedTo("HOST"));
    expect(CASEWORK_TYPES.filter((t) => reachable.has(t)).sort()).toEqual([...HOST_CASEWORK_TYPES].sort());
    const referralPerson = schema.getType("ReferralPerson") as GraphQLObjectType;
    expect(Object.keys(referralPerson.getFields())).not.toContain("id");
    expect(
      Object.keys((schema.getType("Referral") as GraphQLObjectType).getFields()).filter((f) => /person/i.test(f)),
    ).toEqual(["person"]);
  });

  it("every root field that answers with or takes casework data refuses VIEWER, and HOST outside its referral fields (FORBIDDEN)", async () => {
    const casework = (["query", "mutation"] as const).flatMap((kind) =>
      Object.values(rootType(schema, kind).getFields())
        .filter((f) => {
          const reach = reachableOutputTypes(schema, [f]);
          const keys = inputFieldNames(f);
          return CASEWORK_TYPES.some((t) => reach.has(t)) || CASEWORK_KEYS.some((k) => keys.has(k));
        })
        .map((f) => f.name),
    );
    // The walk must find the casework API, or the loop below proves nothing.
    expect(casework).toEqual(
      expect.arrayContaining([
        "person",
        "persons",
        "match",
        "matches",
        "createPerson",
        "recordConsent",
        "withdrawConsent",
        "transitionMatch",
        "recordFollowUp",
        "myFollowUpsDue",
        "raiseResourceGap",
        "suggestResources",
        "referral",
        "myReferrals",
      ]),
    );
    for (const field of casework) {
      for (const role of ["VIEWER", "HOST"] as const) {
        if (role === "HOST" && HOST_REFERRAL_FIELDS.includes(field)) continue;
        const call = await CALLS[field].call(w, role);
        const res = await (await t.asViewer(w.users[role]))(CALLS[field].query, call.vars);
        expect(codesOf(res), `${field} as ${role}`).toEqual(["FORBIDDEN"]);
      }
    }
  });
});

describe("HOST and listings", () => {
  const MUTATIONS = {
    updateResource: ["UpdateResourceInput", (id: string) => ({ id, description: "乗っ取り", openings: 0 })],
    setResourceStatus: ["SetResourceStatusInput", (id: string) => ({ id, status: "ENDED" })],
    verifyResource: ["VerifyResourceInput", (id: string) => ({ id })],
    deleteResource: ["DeleteResourceInput", (id: string) => ({ id })],
  } as const;

  it("cannot update, set the status of, verify or delete another organization's listing (FORBIDDEN); the listing is untouched", async () => {
    const theirs = await w.f.resource({
      organizationId: w.otherOrg.id,
      description: "元の説明",
      capacity: 5,
      openings: 2,
    });
    const before = await t.db.getRepository(Resource).findOneByOrFail({ id: theirs.id });
    for (const [name, [inputType, input]] of Object.entries(MUTATIONS)) {
      const res = await host(`mutation($input: ${inputType}!) { ${name}(input: $input) { __typename } }`, {
        input: input(theirs.id),
      });
      expect(codesOf(res), name).toEqual(["FORBIDDEN"]);
    }
    const after = await t.db.getRepository(Resource).findOneByOrFail({ id: theirs.id });
    expect(after).toEqual(before);
  });

  it("can do all of that to its own listing", async () => {
    for (const [name, [inputType, input]] of Object.entries(MUTATIONS)) {
      const mine = await w.f.resource({ organizationId: w.hostOrg.id, capacity: 5 });
      const res = await host(`mutation($input: ${inputType}!) { ${name}(input: $input) { __typename } }`, {
        input: input(mine.id),
      });
      expect(res.errors, name).toBeUndefined();
    }
  });

  it("cannot create a listing for another organization or edit another organization, and cannot move a listing between organizations", async () => {
    const create = await host(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      { input: { organizationId: w.otherOrg.id, name: "なりすまし", nameKana: "ナリスマシ", kind: "SALON" } },
    );
    expect(codesOf(create)).toEqual(["FORBIDDEN"]);
    expect(await t.db.getRepository(Resource).countBy({ name: "なりすまし" })).toBe(0);
    const org = await host(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } } }`,
      { input: { id: w.otherOrg.id, name: "乗っ取り" } },
    );
    expect(codesOf(org)).toEqual(["FORBIDDEN"]);
    // No input can change a listing's organization after it was created.
    const updateFields = Object.keys(
      (schema.getType("UpdateResourceInput") as unknown as { getFields(): object }).getFields(),
    );
    expect(updateFields).not.toContain("organizationId");
  });
});

describe("HOST and referrals", () => {
  /** The referred person as the host sees it, through each of the three host paths (they must agree). */
  async function seenByHost(matchId: string) {
    const one = await host(`query($id: ID!) { referral(id: $id) { sharedFacts consentActive ${REFERRAL_PERSON} } }`, {
      id: matchId,
    });
    const list = await host(`{ myReferrals { id sharedFacts consentActive ${REFERRAL_PERSON} } }`);
    const answer = await host(
      `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { sharedFacts consentActive ${REFERRAL_PERSON} } }`,
      { input: { matchId, response: "ACCEPTED" } },
    );
    for (const res of [one, list, answer]) expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const { id: _id, ...fromList } = list.data!.myReferrals.find((r: { id: string }) => r.id === matchId);
    expect(fromList).toEqual(one.data!.referral);
    expect(answer.data!.respondToReferral).toEqual(one.data!.referral);
    return one.data!.referral as { sharedFacts: string[]; consentActive: boolean; person: Record<string, unknown> };
  }

  const shownFields = (person: Record<string, unknown>) =>
    Object.entries(person)
      .filter(([, v]) => v !== null)
      .map(([k]) => k)
      .sort();

  it("another organization's referral is NOT_FOUND to read, answer or record attendance on, and nothing changes", async () => {
    const theirs = await referral(await personWithEverything(), w.otherOrg.id, MatchStage.ACTIVE_FOLLOW_UP);
    await w.f.consent(theirs.personId, { organizationId: null });
    const before = await t.db.getRepository(Match).findOneByOrFail({ id: theirs.id });
    expect(codesOf(await host(`query($id: ID!) { referral(id: $id) { id } }`, { id: theirs.id }))).toEqual([
      "NOT_FOUND",
    ]);
    for (const response of ["ACCEPTED", "DECLINED"]) {
      expect(
        codesOf(
          await host(`mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { id } }`, {
            input: { matchId: theirs.id, response, reason: "理由" },
          }),
        ),
      ).toEqual(["NOT_FOUND"]);
    }
    expect(
      codesOf(
        await host(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`, {
          input: { matchId: theirs.id, sessionOn: today(), attended: true },
        }),
      ),
    ).toEqual(["NOT_FOUND"]);
    expect(await t.db.getRepository(Match).findOneByOrFail({ id: theirs.id })).toEqual(before);
    expect(await t.db.getRepository(Attendance).countBy({ matchId: theirs.id })).toBe(0);
    const listed = await host(`{ myReferrals { id } }`);
    expect(JSON.stringify(listed.data)).not.toContain(theirs.id);
  });

  it("a match of its own organization that was never sent to it is NOT_FOUND as well", async () => {
    const resource = await w.f.resource({ organizationId: w.hostOrg.id });
    const candidate = await w.f.match({ resourceId: resource.id });
    expect(codesOf(await host(`query($id: ID!) { referral(id: $id) { id } }`, { id: candidate.id }))).toEqual([
      "NOT_FOUND",
    ]);
    expect(JSON.stringify((await host(`{ myReferrals { id } }`)).data)).not.toContain(candidate.id);
  });

  it("sees, fact by fact, exactly what the consent releases, through all three host paths; nothing after withdrawal or expiry", async () => {
    for (const fact of Object.values(ConsentFact)) {
      // Withdrawal, through the coordinator's API.
      const p1 = await personWithEverything();
      const m1 = await referral(p1);
      const c1 = await w.f.consent(p1.id, { organizationId: w.hostOrg.id, facts: [fact] });
      const active = await seenByHost(m1.id);
      expect(shownFields(active.person), fact).toEqual([...FIELDS_OF[fact]].sort());
      expect(active).toMatchObject({ sharedFacts: [fact], consentActive: true });
      const withdrawn = await coordinator(
        `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { state } } }`,
        { input: { consentId: c1.id, reason: "撤回の申し出" } },
      );
      expect(withdrawn.data?.withdrawConsent.consent.state).toBe("WITHDRAWN");
      const afterWithdrawal = await seenByHost(m1.id);
      expect(shownFields(afterWithdrawal.person), `${fact} after withdrawal`).toEqual([]);
      expect(afterWithdrawal).toMatchObject({ sharedFacts: [], consentActive: false });

      // Expiry: valid through its last day, gone the day after.
      const p2 = await personWithEverything();
      const m2 = await referral(p2);
      const c2 = await w.f.consent(p2.id, {
        organizationId: null,
        facts: [fact],
        givenOn: addDays(today(), -30),
        expiresOn: today(),
      });
      expect(shownFields((await seenByHost(m2.id)).person), `${fact} on its last day`).toEqual(
        [...FIELDS_OF[fact]].sort(),
      );
      await t.db.getRepository(Consent).update(c2.id, { expiresOn: addDays(today(), -1) });
      const expired = await seenByHost(m2.id);
      expect(shownFields(expired.person), `${fact} after expiry`).toEqual([]);
      expect(expired).toMatchObject({ sharedFacts: [], consentActive: false });
    }
  });

  it("releases nothing for a consent that does not cover this host: another host's, another purpose, not given yet", async () => {
    const cases: [string, Partial<Consent>][] = [
      ["another host", { organizationId: w.otherOrg.id }],
      ["information sharing, not referral", { purpose: ConsentPurpose.INFORMATION_SHARING }],
      ["support plan, not referral", { purpose: ConsentPurpose.SUPPORT_PLAN }],
      ["given tomorrow", { givenOn: addDays(today(), 1) }],
    ];
    for (const [what, consent] of cases) {
      const person = await personWithEverything();
      const m = await referral(person);
      await w.f.consent(person.id, { organizationId: null, ...consent });
      const seen = await seenByHost(m.id);
      expect(shownFields(seen.person), what).toEqual([]);
      expect(seen, what).toMatchObject({ sharedFacts: [], consentActive: false });
    }
  });

  it("two consents release the union of their facts, and the answer never holds the person's id", async () => {
    const person = await personWithEverything();
    const m = await referral(person);
    await w.f.consent(person.id, { organizationId: w.hostOrg.id, facts: [ConsentFact.DISPLAY_NAME] });
    await w.f.consent(person.id, { organizationId: null, facts: [ConsentFact.AGE_BAND] });
    const seen = await seenByHost(m.id);
    expect(shownFields(seen.person)).toEqual(["ageBand", "displayName"]);
    // Everything a host can select on one referral, four levels deep (the whole list at that depth is over the
    // query cost limit: core/graphql-limits.ts).
    const everything = await host(
      `query($id: ID!) { referral(id: $id) ${selectAll(schema.getType("Referral")!, 4)} }`,
      { id: m.id },
    );
    expect(everything.errors).toBeUndefined();
    expect(JSON.stringify(everything.data)).not.toContain(person.id);
  });
});

describe("VIEWER", () => {
  it("resourceGaps never exposes the person a gap was raised from", async () => {
    const person = await w.f.person({ displayName: "Dさん (不足のきっかけ)", coordinatorId: w.users.COORDINATOR.id });
    await w.f.consent(person.id);
    const raised = await coordinator(
      `mutation($input: RaiseResourceGapInput!) { raiseResourceGap(input: $input) { resourceGap { id } } }`,
      { input: { need: "夜に若者が集まれる場", personId: person.id } },
    );
    expect(raised.errors).toBeUndefined();
    const res = await viewer(`{ resourceGaps ${selectAll(schema.getType("ResourceGap")!, 3)} }`);
    expect(res.errors).toBeUndefined();
    const json = JSON.stringify(res.data);
    expect(json).toContain(raised.data!.raiseResourceGap.resourceGap.id);
    expect(json).not.toContain(person.id);
    expect(json).not.toContain("Dさん");
  });

  it("outcomeSummary holds counts, rates and its dates only, and no person", async () => {
    const leaves: string[] = [];
    const walk = (type: GraphQLObjectType, path: string) => {
      for (const f of Object.values(type.getFields())) {
        const named = getNamedType(f.type);
        if (named instanceof GraphQLObjectType) walk(named, `${path}${f.name}.`);
        else if (isLeafType(named)) leaves.push(`${path}${f.name}: ${named.name}`);
      }
    };
    walk(schema.getType("OutcomeSummary") as GraphQLObjectType, "");
    const strings = leaves.filter((l) => !/: (Int|Float)$/.test(l));
    expect(strings.sort()).toEqual([
      "asOf: LocalDate",
      "monthly.month: String",
      "periodEnd: LocalDate",
      "periodStart: LocalDate",
    ]);

    const person = await w.f.person({ displayName: "Eさん (集計の対象)", coordinatorId: w.users.COORDINATOR.id });
    await w.f.consent(person.id);
    await referral(person, w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP);
    const res = await viewer(
      `{ outcomeSummary(fiscalYear: ${fiscalYearOf(today())}) ${selectAll(schema.getType("OutcomeSummary")!, 3)} }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.outcomeSummary.startedCount).toBeGreaterThanOrEqual(1);
    expect(res.data!.outcomeSummary.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.data!.outcomeSummary.monthly.every((m: { month: string }) => /^\d{4}-\d{2}$/.test(m.month))).toBe(true);
    const json = JSON.stringify(res.data);
    expect(json).not.toContain(person.id);
    expect(json).not.toContain("Eさん");
  });
});

const fiscalYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);
