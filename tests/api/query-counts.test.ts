/**
 * Relation fields are batched: the match board and the person page cost the same number of SQL statements whether
 * they show 5 rows or 100. The queries are the web client's own documents (web/src/gql), run as a coordinator on the
 * real PostgreSQL; every statement TypeORM sends is counted through the DataSource's logger.
 */
import { print, type DocumentNode } from "graphql";
import type { Logger, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../server/src/auth/user.entity.js";
import { UserRole } from "../../server/src/core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { FollowUpDueStatus } from "../../server/src/followups/followup.enums.js";
import { Attendance, type Match } from "../../server/src/matching/match.entity.js";
import { MatchStage } from "../../server/src/matching/match.enums.js";
import { ConsentPurpose } from "../../server/src/people/consent.enums.js";
import type { Person } from "../../server/src/people/person.entity.js";
import { PersonTrack, SupportPlanStatus, SupportPlanVersion } from "../../server/src/people/person.enums.js";
import { SupportPlan } from "../../server/src/people/support-plan.entity.js";
import { createTestApp, type TestApp } from "../../server/src/test/harness.js";
import { MatchBoardDocument, MeetingRecordsDocument, PersonDetailDocument } from "../../web/src/gql/graphql.js";

/** Every relation field of a match, the ones no page of the web client asks for on a list included. */
const MATCH_RELATIONS = /* GraphQL */ `
  query ($first: Int!) {
    matches(first: $first) {
      edges {
        node {
          id
          person {
            id
            track
            area {
              id
            }
            coordinator {
              id
            }
            consents {
              id
              state
              organization {
                id
              }
              recordedBy {
                id
              }
            }
            supportPlans {
              id
            }
          }
          resource {
            id
            areas {
              id
              parents {
                id
              }
            }
            organization {
              id
            }
          }
          organization {
            id
          }
          coordinator {
            id
            organization {
              id
            }
          }
          history {
            id
            actor {
              id
            }
          }
          followUps {
            id
            recordedBy {
              id
            }
          }
          followUpDues {
            id
            dueOn
          }
          attendance {
            id
          }
          allowedTransitions {
            to
          }
        }
      }
    }
  }
`;

let t: TestApp;
let coordinator: User;
let groupId: string;
/** Statements sent while `counting` is on. */
let statements: string[] = [];
let counting = false;

/** The DataSource's logger, replaced by one that counts (and prints nothing, as the default one does in tests). */
const counter: Logger = {
  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner) {
    if (counting) statements.push(query);
  },
  logQueryError() {},
  logQuerySlow() {},
  logSchemaBuild() {},
  logMigration() {},
  log() {},
};

/** Runs `document` as the coordinator (a fresh session, so the sign-in bookkeeping is the same every time). */
async function countStatements(document: DocumentNode | string, variables: Record<string, unknown>) {
  const asCoordinator = await t.asViewer(coordinator);
  statements = [];
  counting = true;
  try {
    const res = await asCoordinator(typeof document === "string" ? document : print(document), variables);
    expect(res.errors).toBeUndefined();
    return { count: statements.length, data: res.data! };
  } finally {
    counting = false;
  }
}

/**
 * A match with every relation filled: a history of four moves, a follow-up record and a due, an attendance day, and
 * a host-referral consent for its organisation. Every fifth person is known only to the coordinator's 支援会議.
 */
async function seedMatch(i: number, personId?: string): Promise<Match> {
  const area = await t.factories.area();
  const resource = await t.factories.resource({ areaIds: [area.id] });
  let person: Person | undefined;
  if (!personId) {
    person =
      i % 5 === 4
        ? await t.factories.person({
            coordinatorId: coordinator.id,
            track: PersonTrack.SUPPORT_MEETING,
            supportMeetingGroupId: groupId,
            areaId: area.id,
          })
        : await t.factories.person({ coordinatorId: coordinator.id, areaId: area.id });
  }
  const match = await t.factories.match({
    personId: personId ?? person!.id,
    resourceId: resource.id,
    coordinatorId: coordinator.id,
    path: [
      [MatchStage.HOST_COORDINATION, addDays(today(), -30)],
      [MatchStage.PROPOSED, addDays(today(), -20)],
      [MatchStage.ACTIVE_FOLLOW_UP, addDays(today(), -10)],
    ],
  });
  if (person?.track === PersonTrack.CONSENTED)
    await t.factories.consent(match.personId, {
      purpose: ConsentPurpose.HOST_REFERRAL,
      organizationId: resource.organizationId,
      recordedById: coordinator.id,
    });
  await t.factories.followUpRecord(match);
  await t.factories.followUpDue(match, { dueOn: addDays(today(), 20), status: FollowUpDueStatus.PLANNED });
  await t.db.getRepository(Attendance).save({
    matchId: match.id,
    sessionOn: addDays(today(), -3),
    attended: true,
    note: "",
    recordedById: coordinator.id,
  });
  return match;
}

/** A person with `n` matches, `n` consents (one per host) and `n` support plans. */
async function seedPerson(n: number): Promise<Person> {
  const person = await t.factories.person({ coordinatorId: coordinator.id, areaId: (await t.factories.area()).id });
  for (let i = 0; i < n; i++) {
    const match = await seedMatch(i, person.id);
    await t.factories.consent(person.id, { organizationId: match.organizationId, recordedById: coordinator.id });
    await t.db.getRepository(SupportPlan).save({
      personId: person.id,
      planVersion: SupportPlanVersion.NEW,
      goals: [`目標 ${i}`],
      agreedOn: today(),
      reviewOn: null,
      status: SupportPlanStatus.AGREED,
      createdById: coordinator.id,
    });
  }
  return person;
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.factories.user({ role: UserRole.COORDINATOR });
  groupId = (await t.factories.supportMeetingGroup([coordinator.id])).id;
  t.db.setOptions({ logger: counter });
});
afterAll(() => t.close());

describe("SQL statements per request do not grow with the rows shown", () => {
  const BOARD = { first: 100, mine: false };

  it("match board: 5 cards and 100 cards cost the same, and few", async () => {
    for (let i = 0; i < 5; i++) await seedMatch(i);
    const small = await countStatements(MatchBoardDocument, BOARD);
    expect(small.data.matches.edges).toHaveLength(5);

    for (let i = 5; i < 100; i++) await seedMatch(i);
    const large = await countStatements(MatchBoardDocument, BOARD);
    expect(large.data.matches.edges).toHaveLength(100);
    console.info(`query-counts: match board 5 cards=${small.count} 100 cards=${large.count}`);
    expect(large.data.matches.edges.every((e: any) => e.node.history.length === 4)).toBe(true);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(25);
  });

  it("every relation field of a match, over 100 matches, is batched", async () => {
    const small = await countStatements(MATCH_RELATIONS, { first: 5 });
    const large = await countStatements(MATCH_RELATIONS, { first: 100 });
    expect(large.data.matches.edges).toHaveLength(100);
    const nodes = large.data.matches.edges.map((e: any) => e.node);
    expect(nodes.every((m: any) => m.followUps.length === 1 && m.attendance.length === 1)).toBe(true);
    expect(nodes.every((m: any) => m.followUpDues.length === 1 && m.resource.areas.length === 1)).toBe(true);

    console.info(`query-counts: match relations 5 matches=${small.count} 100 matches=${large.count}`);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(30);
  });

  it("person page: 5 and 100 matches, consents and plans cost the same, and few", async () => {
    const few = await seedPerson(5);
    const many = await seedPerson(100);
    const small = await countStatements(PersonDetailDocument, { id: few.id });
    const large = await countStatements(PersonDetailDocument, { id: many.id });
    expect(small.data.person.matches).toHaveLength(5);
    expect(large.data.person.matches).toHaveLength(100);
    expect(large.data.person.supportPlans).toHaveLength(100);
    // The consent of the basis, then one per host.
    expect(large.data.person.consents).toHaveLength(101);

    console.info(`query-counts: person page 5 rows=${small.count} 100 rows=${large.count}`);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(25);
  });

  it("会議の記録: 5 and 50 meetings, each with an organization, an attendee and a person, cost the same", async () => {
    /** A meeting of 2018年度 (no other test writes there) with one of each relation. */
    const seedMeeting = async (i: number) => {
      const org = await t.factories.organization();
      const person = await t.factories.person({ coordinatorId: coordinator.id });
      const [row] = await t.db.query(
        `INSERT INTO meeting_record (held_on, kind, title, recorded_by_id) VALUES ($1, 'JUSOTEKI', $2, $3) RETURNING id`,
        [addDays("2018-04-01", i), `重層的支援会議 ${i}`, coordinator.id],
      );
      await t.db.query("INSERT INTO meeting_record_organization VALUES ($1, $2)", [row.id, org.id]);
      await t.db.query("INSERT INTO meeting_record_user VALUES ($1, $2)", [row.id, coordinator.id]);
      await t.db.query("INSERT INTO meeting_record_person VALUES ($1, $2)", [row.id, person.id]);
    };
    const LIST = { fiscalYear: 2018, first: 50 };
    for (let i = 0; i < 5; i++) await seedMeeting(i);
    const small = await countStatements(MeetingRecordsDocument, LIST);
    expect(small.data.meetingRecords.edges).toHaveLength(5);
    for (let i = 5; i < 50; i++) await seedMeeting(i);
    const large = await countStatements(MeetingRecordsDocument, LIST);
    const nodes = large.data.meetingRecords.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    expect(
      nodes.every((m: any) => m.organizations.length === 1 && m.attendees.length === 1 && m.persons.length === 1),
    ).toBe(true);

    console.info(`query-counts: meeting records 5=${small.count} 50=${large.count}`);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(20);
  });
});
