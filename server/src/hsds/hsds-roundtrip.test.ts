import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport, previewImport } from "../catalog-import/import-engine.js";
import type { ImportedListing } from "../catalog-import/imported-listing.js";
import { Resource } from "../resources/resource.entity.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { ScheduleFrequency, Weekday } from "../schedules/schedule.value.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { readCatalogFile } from "../catalog-import/read/read-catalog-file.js";
import { readHsds } from "./hsds-reader.js";

/*
 * The round trip: HSDS export → import into an empty tsunagu → export again gives the same records. Both
 * exports are read with the HSDS reader and compared on every field an import carries (ImportedListingValues) and the
 * host's name; ids differ (the second tsunagu makes its own).
 */

let source: TestApp;
let target: TestApp;

async function packageOf(t: TestApp): Promise<Uint8Array> {
  const port = await t.app.listen(0, "127.0.0.1");
  const res = await fetch(`http://127.0.0.1:${port}/hsds/package.zip`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

const NO_CONDITIONS = {
  ageMin: null,
  ageMax: null,
  certificateRequired: false,
  residenceRequired: false,
  requiresSupportPlan: false,
  referredCasesOnly: false,
};

const SOURCE = { publisher: "みどり野市", dataset: "社会資源 (HSDS 3.0)", licence: "CC BY 4.0" };

/** A listing as the export carries it, set-like lists sorted, keyed by its name. */
function records(listings: ImportedListing[]) {
  const sorted = <T>(xs: T[] | undefined) => [...(xs ?? [])].sort();
  return Object.fromEntries(
    listings.map((l) => {
      const v = l.values;
      return [
        v.name,
        {
          ...v,
          organizationName: l.organizationName,
          targetGroups: sorted(v.targetGroups),
          activities: sorted(v.activities),
          accessibility: sorted(v.accessibility),
          transportOptions: sorted(v.transportOptions),
          rolesOffered: sorted(v.rolesOffered),
        },
      ];
    }),
  );
}

beforeAll(async () => {
  [source, target] = await Promise.all([createTestApp(), createTestApp()]);
  const shakyo = await source.factories.organization({
    name: "社会福祉法人 みどり野市社会福祉協議会",
    nameKana: "みどりのししゃかいふくしきょうぎかい",
  });
  const npo = await source.factories.organization({ name: "NPO法人 にじいろ", nameKana: "にじいろ" });
  await source.factories.resource({
    organizationId: shakyo.id,
    name: "いきいき百歳体操 本町会場",
    nameKana: "いきいきひゃくさいたいそう ほんちょうかいじょう",
    kind: ResourceKind.KAYOI_NO_BA,
    description: "おもりを使った筋力体操, 茶話会つき\n初めての方も歓迎",
    targetGroups: [TargetGroup.ELDERLY, TargetGroup.SINGLE_ELDERLY],
    activities: ["体操", "茶話会"],
    venueName: "本町公民館",
    address: "東京都武蔵村山市本町1-2-3",
    lat: 35.7548,
    lng: 139.3874,
    schedule: {
      rules: [
        {
          frequency: ScheduleFrequency.WEEKLY,
          weekdays: [Weekday.TUE, Weekday.FRI],
          nthWeeks: [],
          dates: [],
          startTime: "10:00",
          endTime: "11:30",
        },
      ],
      closedOnHolidays: true,
      closedYearEnd: true,
      closedDates: ["2026-12-08"],
      note: "雨天でも開催",
    },
    capacity: 20,
    costPerSessionYen: 100,
    accessibility: [Accessibility.WHEELCHAIR],
    nearestStop: "本町二丁目バス停",
    transportOptions: [TransportOption.BUS_STOP_NEARBY, TransportOption.PARKING],
    contactName: "山田",
    contactPhone: "042-000-2222",
    contactPhone2: "090-0000-3333",
    contactEmail: "honcho@example.jp",
    status: ResourceStatus.PAUSED,
    eligibility: { ...NO_CONDITIONS, ageMin: 65, residenceRequired: true, requiresSupportPlan: true },
    rolesOffered: [ParticipationRole.PARTICIPANT, ParticipationRole.VOLUNTEER],
    visiting: true,
    visitAllowed: true,
    trialAllowed: true,
    openings: 5,
  });
  await source.factories.resource({
    organizationId: npo.id,
    name: "子ども食堂 にじいろ",
    nameKana: "こどもしょくどう にじいろ",
    kind: ResourceKind.KODOMO_SHOKUDO,
    targetGroups: [TargetGroup.CHILDREN],
    address: "神奈川県横浜市中区山下町1",
    citywide: true,
    schedule: {
      rules: [
        {
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [Weekday.TUE],
          nthWeeks: [2, 4],
          dates: [],
          startTime: "17:00",
          endTime: "19:00",
        },
        {
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [Weekday.SAT],
          nthWeeks: [-1],
          dates: [],
          startTime: "11:00",
          endTime: "13:00",
        },
        {
          frequency: ScheduleFrequency.SPECIFIC_DATES,
          weekdays: [],
          nthWeeks: [],
          dates: ["2026-12-24"],
          startTime: "16:00",
          endTime: "18:00",
        },
      ],
      closedOnHolidays: false,
      closedYearEnd: false,
      closedDates: [],
      note: null,
    },
  });
  await source.factories.resource({
    organizationId: npo.id,
    name: "電話相談",
    nameKana: "でんわそうだん",
    kind: ResourceKind.DROP_IN_EVENT,
    status: ResourceStatus.ENDED,
    eligibility: { ...NO_CONDITIONS, ageMax: 39, certificateRequired: true, referredCasesOnly: true },
    homeBased: true,
  });
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

describe("HSDS round trip through the import engine", () => {
  it("export → import into an empty tsunagu → export again gives the same records; re-importing changes nothing", async () => {
    // Through the import's own entry point, which hands an HSDS package to the HSDS reader.
    const first = await readCatalogFile(await packageOf(source), { fileName: "hsds-package.zip", source: SOURCE });
    expect(first.layout).toBe("HSDS_3");
    expect(first.listings).toHaveLength(3);

    const plan = await previewImport(target.db, first);
    expect(plan.rows.map((r) => r.action)).toEqual(["CREATE", "CREATE", "CREATE"]);
    const result = await commitImport(target.db, plan);
    expect(result).toMatchObject({ created: 3, updated: 0, rejected: 0 });

    const second = await readHsds(await packageOf(target), { fileName: "hsds-package.zip", source: SOURCE });
    expect(records(second.listings)).toEqual(records(first.listings));
    // What the export writes comes back (status, 利用条件, the listing's attributes, both phones), not only what
    // both sides would drop alike.
    const read = records(first.listings);
    expect(read["いきいき百歳体操 本町会場"]).toMatchObject({
      status: ResourceStatus.PAUSED,
      eligibility: { ...NO_CONDITIONS, ageMin: 65, residenceRequired: true, requiresSupportPlan: true },
      rolesOffered: [ParticipationRole.PARTICIPANT, ParticipationRole.VOLUNTEER],
      homeBased: false,
      visiting: true,
      visitAllowed: true,
      trialAllowed: true,
      openings: 5,
      contactPhone: "042-000-2222",
      contactPhone2: "090-0000-3333",
    });
    expect(read["電話相談"]).toMatchObject({
      status: ResourceStatus.ENDED,
      eligibility: { ...NO_CONDITIONS, ageMax: 39, certificateRequired: true, referredCasesOnly: true },
      homeBased: true,
    });
    expect(read["子ども食堂 にじいろ"]).toMatchObject({ status: ResourceStatus.ACTIVE, eligibility: NO_CONDITIONS });
    const imported = await target.db.getRepository(Resource).findOneByOrFail({ name: "電話相談" });
    expect([imported.status, imported.eligibility.referredCasesOnly, imported.homeBased]).toEqual([
      ResourceStatus.ENDED,
      true,
      true,
    ]);

    const again = await previewImport(target.db, first);
    expect(again.rows.map((r) => r.action)).toEqual(["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
  });
});
