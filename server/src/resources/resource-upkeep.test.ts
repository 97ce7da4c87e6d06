import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Resource } from "./resource.entity.js";
import { VerificationRequest } from "./verification-request.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

const STALE = /* GraphQL */ `
  query Stale($org: ID, $kinds: [ResourceKind!], $areaIds: [ID!], $first: Int, $after: String) {
    staleResources(organizationId: $org, kinds: $kinds, areaIds: $areaIds, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          verifiedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const REQUEST = /* GraphQL */ `
  mutation Request($input: RequestVerificationInput!) {
    requestResourceVerification(input: $input) {
      requestedCount
      alreadyOpenCount
      resources {
        id
        openVerificationRequest {
          requestedByName
        }
      }
    }
  }
`;
const OPEN = /* GraphQL */ `
  query Open($id: ID!) {
    resource(id: $id) {
      openVerificationRequest {
        requestedAt
        requestedByName
        message
      }
    }
  }
`;
const VERIFY = `mutation($id: ID!) { verifyResource(input: { id: $id }) { resource { id verifiedAt } } }`;
const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    resource(id: $id) {
      changeHistory {
        kind
        actorName
        changedAt
        changes {
          field
          before
          after
        }
      }
    }
  }
`;

let t: TestApp;
let coordinator: Gql;
let host: Gql;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.factories.organization({ name: "確認待ちの会" })).id;
  otherOrgId = (await t.factories.organization({ name: "よその会" })).id;
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR, displayName: "佐藤 みのり" }));
  host = await t.asViewer(
    await t.factories.user({ role: UserRole.HOST, organizationId: orgId, displayName: "山本 直樹" }),
  );
});
afterAll(() => t.close());

const verifiedOn = (id: string, at: Date | null) => t.db.getRepository(Resource).update({ id }, { verifiedAt: at });

describe("stale-listing queue", () => {
  it("lists the host's listings never verified first, then the oldest verification, page by page", async () => {
    const area = await t.factories.area({ name: "確認待ち地区" });
    const old = await t.factories.resource({ organizationId: orgId, kind: "SALON" as never, areaIds: [area.id] });
    const recent = await t.factories.resource({ organizationId: orgId, kind: "SALON" as never });
    const never = await t.factories.resource({ organizationId: orgId, kind: "KODOMO_SHOKUDO" as never });
    const ended = await t.factories.resource({ organizationId: orgId, status: "ENDED" as never });
    await verifiedOn(old.id, new Date("2025-01-10T00:00:00.000Z"));
    await verifiedOn(recent.id, new Date("2026-06-01T00:00:00.000Z"));
    await verifiedOn(never.id, null);
    await verifiedOn(ended.id, null);

    const all = await coordinator(STALE, { org: orgId });
    expect(all.errors).toBeUndefined();
    expect(all.data!.staleResources.totalCount).toBe(3);
    expect(all.data!.staleResources.edges.map((e: any) => e.node.id)).toEqual([never.id, old.id, recent.id]);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await coordinator(STALE, { org: orgId, first: 1, after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.staleResources.edges.map((e: any) => e.node.id));
      if (!page.data.staleResources.pageInfo.hasNextPage) break;
      after = page.data.staleResources.pageInfo.endCursor;
    }
    expect(seen).toEqual([never.id, old.id, recent.id]);

    const salons = await coordinator(STALE, { org: orgId, kinds: ["SALON"] });
    expect(salons.data!.staleResources.edges.map((e: any) => e.node.id)).toEqual([old.id, recent.id]);
    const inArea = await coordinator(STALE, { areaIds: [area.id] });
    expect(inArea.data!.staleResources.edges.map((e: any) => e.node.id)).toEqual([old.id]);
  });

  it("is for staff only", async () => {
    expect(codesOf(await host(STALE, { org: orgId }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(STALE, { org: orgId }))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("「確認を依頼」", () => {
  it("is recorded with who and when, shown to the host only, kept once, and answered by the host's verification", async () => {
    const a = await t.factories.resource({ organizationId: orgId });
    const b = await t.factories.resource({ organizationId: orgId });
    const sent = await coordinator(REQUEST, {
      input: { resourceIds: [a.id, b.id], message: "開催日をご確認ください" },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.requestResourceVerification).toEqual({
      requestedCount: 2,
      alreadyOpenCount: 0,
      resources: [
        { id: a.id, openVerificationRequest: { requestedByName: "佐藤 みのり" } },
        { id: b.id, openVerificationRequest: { requestedByName: "佐藤 みのり" } },
      ],
    });
    const again = await coordinator(REQUEST, { input: { resourceIds: [a.id] } });
    expect(again.data!.requestResourceVerification).toMatchObject({ requestedCount: 0, alreadyOpenCount: 1 });

    const seenByHost = await host(OPEN, { id: a.id });
    expect(seenByHost.data!.resource.openVerificationRequest).toMatchObject({
      requestedByName: "佐藤 みのり",
      message: "開催日をご確認ください",
    });
    expect(Date.now() - new Date(seenByHost.data!.resource.openVerificationRequest.requestedAt).getTime()).toBeLessThan(
      60_000,
    );
    expect((await t.anonymous(OPEN, { id: a.id })).data!.resource.openVerificationRequest).toBeNull();
    const stranger = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: otherOrgId }));
    expect((await stranger(OPEN, { id: a.id })).data!.resource.openVerificationRequest).toBeNull();

    expect((await host(VERIFY, { id: a.id })).errors).toBeUndefined();
    expect((await host(OPEN, { id: a.id })).data!.resource.openVerificationRequest).toBeNull();
    expect((await host(OPEN, { id: b.id })).data!.resource.openVerificationRequest).not.toBeNull();
    const rows = await t.db.getRepository(VerificationRequest).findBy({ resourceId: a.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].resolvedAt).not.toBeNull();
    expect(rows[0].resolvedById).not.toBeNull();

    // Answered, the listing can be asked again.
    const third = await coordinator(REQUEST, { input: { resourceIds: [a.id] } });
    expect(third.data!.requestResourceVerification.requestedCount).toBe(1);
  });

  it("refuses hosts, unknown listings and an empty selection, in Japanese beside the field", async () => {
    const a = await t.factories.resource({ organizationId: orgId });
    expect(codesOf(await host(REQUEST, { input: { resourceIds: [a.id] } }))).toEqual(["FORBIDDEN"]);
    const unknown = await coordinator(REQUEST, {
      input: { resourceIds: [a.id, "00000000-0000-4000-8000-000000000000"] },
    });
    expect(codesOf(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(unknown)).toEqual(["input.resourceIds"]);
    expect(JSON.stringify(unknown.errors)).toContain("見つからない資源が含まれています");
    const none = await coordinator(REQUEST, { input: { resourceIds: [] } });
    expect(codesOf(none)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(none.errors)).toContain("確認を依頼する資源を選んでください");
  });
});

describe("change history", () => {
  it("records who changed which field from what to what, newest first, for staff only", async () => {
    const area = await t.factories.area({ name: "履歴地区" });
    const created = await coordinator(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id version } } }`,
      {
        input: {
          name: "履歴サロン",
          kind: "SALON",
          organizationId: orgId,
          capacity: 10,
          schedule: {
            rules: [{ frequency: "WEEKLY", weekdays: ["MON"], startTime: "10:00", endTime: "11:00" }],
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createResource.resource.id;
    const updated = await host(
      `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
      {
        input: {
          id,
          capacity: 12,
          areaIds: [area.id],
          schedule: {
            rules: [
              {
                frequency: "MONTHLY_NTH_WEEKDAY",
                weekdays: ["TUE"],
                nthWeeks: [2, 4],
                startTime: "10:00",
                endTime: "11:30",
              },
            ],
          },
        },
      },
    );
    expect(updated.errors).toBeUndefined();
    await coordinator(
      `mutation($id: ID!) { setResourceStatus(input: { id: $id, status: PAUSED }) { resource { id } } }`,
      {
        id,
      },
    );

    const history = await coordinator(HISTORY, { id });
    expect(history.errors).toBeUndefined();
    const entries = history.data!.resource.changeHistory;
    expect(entries.map((e: any) => [e.kind, e.actorName])).toEqual([
      ["STATUS", "佐藤 みのり"],
      ["UPDATE", "山本 直樹"],
      ["CREATE", "佐藤 みのり"],
    ]);
    expect(entries[0].changes).toEqual([{ field: "status", before: "ACTIVE", after: "PAUSED" }]);
    expect(entries[1].changes).toEqual([
      { field: "areaIds", before: [], after: [area.id] },
      { field: "schedule", before: "毎週月 10:00〜11:00", after: "第2・第4火曜 10:00〜11:30" },
      { field: "capacity", before: 10, after: 12 },
    ]);
    expect(entries[2].changes).toEqual(
      expect.arrayContaining([
        { field: "name", before: null, after: "履歴サロン" },
        { field: "capacity", before: null, after: 10 },
      ]),
    );

    expect((await host(HISTORY, { id })).data!.resource.changeHistory).toBeNull();
    expect((await t.anonymous(HISTORY, { id })).data!.resource.changeHistory).toBeNull();
  });
});
