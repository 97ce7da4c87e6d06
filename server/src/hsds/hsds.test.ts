import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrgType } from "../organizations/organization.enums.js";
import type { Resource } from "../resources/resource.entity.js";
import {
  Accessibility,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { ScheduleFrequency, Weekday } from "../schedules/schedule.value.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { isHsdsPackage, readHsds, readHsdsPackage } from "./hsds-reader.js";
import { TABLES, TABLE_NAMES } from "./hsds-tables.js";
import { TaxonomyKey, termId } from "./hsds-taxonomy.js";

const addFormats = formats.default;
const SCHEMA_DIR = path.resolve(__dirname, "../../../tests/fixtures/hsds-3.0/schema");

/** HSDS's per-table schemas ($refs by bare file name) and the API's list shapes, in one ajv (draft 2020-12). */
function hsdsValidators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const f of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, f), "utf8")), f);
  }
  for (const f of ["service_list", "organization_list", "service_at_location_list", "service_at_location"]) {
    ajv.addSchema(
      JSON.parse(readFileSync(path.join(SCHEMA_DIR, "compiled", `${f}.json`), "utf8")),
      `compiled/${f}.json`,
    );
  }
  const cache = new Map<string, ValidateFunction>();
  return (schema: string, value: unknown) => {
    if (!cache.has(schema)) cache.set(schema, ajv.getSchema(schema)!);
    const validate = cache.get(schema)!;
    const ok = validate(value);
    return ok ? [] : (validate.errors ?? []).map((e) => `${schema} ${e.instancePath} ${e.message}`);
  };
}

let t: TestApp;
let base: string;
const valid = hsdsValidators();
const get = async (p: string) => {
  const res = await fetch(`${base}${p}`);
  const body: any = res.headers.get("content-type")?.includes("json") ? await res.json() : null;
  return { res, body };
};

let org: { id: string };
let emptyOrg: { id: string };
let weekly: Resource;
let monthly: Resource;
let dated: Resource;
let bare: Resource;

/** The organization's 職員向けの連絡先: never in HSDS, which anyone may read. */
const PRIVATE_CONTACT = {
  contactName: "担当 緑野一郎",
  contactPhone: "090-4444-5555",
  contactEmail: "ichiro@private.example.jp",
};
/** A listing's 担当者名, a named person: never in HSDS either (its phones and e-mail are its public contact). */
const LISTING_CONTACT_NAME = "世話役 山田花子";

beforeAll(async () => {
  t = await createTestApp();
  const port = await t.app.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}`;
  org = await t.factories.organization({
    name: "みどり野市社会福祉協議会",
    nameKana: "みどりのししゃかいふくしきょうぎかい",
    orgType: OrgType.SHAKYO_CITY,
    publicPhone: "042-000-1111",
    publicEmail: "info@midorino-shakyo.example.jp",
    ...PRIVATE_CONTACT,
  });
  emptyOrg = await t.factories.organization({ name: "まだ掲載のない会", nameKana: "まだけいさいのないかい" });
  weekly = await t.factories.resource({
    organizationId: org.id,
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
    accessibility: [Accessibility.WHEELCHAIR, Accessibility.STEP_FREE],
    nearestStop: "本町二丁目バス停",
    transportOptions: [TransportOption.BUS_STOP_NEARBY],
    contactName: LISTING_CONTACT_NAME,
    contactPhone: "042-000-2222",
    contactEmail: "honcho@example.jp",
    citywide: false,
    verifiedAt: new Date("2026-11-01T01:00:00Z"),
    eligibility: {
      ageMin: 65,
      ageMax: null,
      certificateRequired: false,
      residenceRequired: true,
      requiresSupportPlan: false,
      referredCasesOnly: false,
    },
  });
  monthly = await t.factories.resource({
    organizationId: org.id,
    name: "子ども食堂 にじいろ",
    nameKana: "こどもしょくどう にじいろ",
    kind: ResourceKind.KODOMO_SHOKUDO,
    targetGroups: [TargetGroup.CHILDREN],
    address: "神奈川県横浜市中区山下町1",
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
      ],
      closedOnHolidays: false,
      closedYearEnd: false,
      closedDates: [],
      note: null,
    },
    costPerSessionYen: 0,
    citywide: true,
  });
  dated = await t.factories.resource({
    organizationId: org.id,
    name: "就労体験説明会",
    nameKana: "しゅうろうたいけんせつめいかい",
    kind: ResourceKind.DROP_IN_EVENT,
    status: ResourceStatus.PAUSED,
    schedule: {
      rules: [
        {
          frequency: ScheduleFrequency.SPECIFIC_DATES,
          weekdays: [],
          nthWeeks: [],
          dates: ["2026-12-05", "2026-12-19"],
          startTime: "13:30",
          endTime: "15:00",
        },
      ],
      closedOnHolidays: false,
      closedYearEnd: false,
      closedDates: [],
      note: null,
    },
  });
  bare = await t.factories.resource({ organizationId: emptyOrg.id, name: "電話相談", nameKana: "でんわそうだん" });
});
afterAll(() => t.close());

const ours = () => [weekly, monthly, dated, bare];

describe("HSDS 3.0 API (/hsds)", () => {
  it("serves each listing as a full service, valid against HSDS's service schema, with the RRULE mapping", async () => {
    for (const r of ours()) {
      const { res, body } = await get(`/hsds/services/${r.id}`);
      expect(res.status).toBe(200);
      expect(valid("service.json", body)).toEqual([]);
      expect(body.id).toBe(r.id);
      expect(body.organization.id).toBe(r.organizationId);
    }
    const { body: w } = await get(`/hsds/services/${weekly.id}`);
    expect(w.schedules.map((s: any) => [s.freq, s.byday, s.opens_at, s.closes_at])).toEqual([
      ["WEEKLY", "TU,FR", "10:00+09:00", "11:30+09:00"],
    ]);
    expect(w.status).toBe("active");
    expect(w.cost_options).toMatchObject([{ currency: "JPY", amount: 100 }]);
    expect(w.assured_date).toBe("2026-11-01");
    expect(w).toMatchObject({ minimum_age: 65, eligibility_description: "市内在住が条件" });
    expect(w.maximum_age).toBeUndefined();
    const location = w.service_at_locations[0].location;
    expect(location).toMatchObject({ name: "本町公民館", latitude: 35.7548, longitude: 139.3874 });
    expect(location.addresses[0]).toMatchObject({
      state_province: "東京都",
      city: "武蔵村山市",
      address_1: "本町1-2-3",
      country: "JP",
    });
    const kind = w.attributes.find((a: any) => a.taxonomy_term_id === termId(TaxonomyKey.KIND, "KAYOI_NO_BA"));
    expect(kind.taxonomy_term).toMatchObject({ code: "KAYOI_NO_BA", name: "通いの場" });
    const reading = w.attributes.find((a: any) => a.taxonomy_term_id === termId(TaxonomyKey.READING, "NAME_KANA"));
    expect(reading.value).toBe(weekly.nameKana);

    const { body: m } = await get(`/hsds/services/${monthly.id}`);
    expect(m.schedules.map((s: any) => `FREQ=${s.freq};BYDAY=${s.byday}`)).toEqual([
      "FREQ=MONTHLY;BYDAY=2TU,4TU",
      "FREQ=MONTHLY;BYDAY=-1SA",
    ]);
    expect(m.service_at_locations[0].location.addresses[0]).toMatchObject({ city: "横浜市中区", address_1: "山下町1" });
    const { body: d } = await get(`/hsds/services/${dated.id}`);
    expect(d.status).toBe("temporarily closed");
    expect(d.schedules.map((s: any) => [s.dtstart, s.count])).toEqual([
      ["2026-12-05", 1],
      ["2026-12-19", 1],
    ]);
    const { body: b } = await get(`/hsds/services/${bare.id}`);
    expect(b.service_at_locations).toEqual([]);
    // The listing's public contact, and no contact person.
    expect(w.phones.map((p: any) => p.number)).toEqual(["042-000-2222"]);
    expect(w.email).toBe("honcho@example.jp");
    expect(w.contacts).toEqual([]);
    for (const path of [
      `/hsds/services/${weekly.id}`,
      "/hsds/services?full=true&per_page=100",
      "/hsds/organizations?full=true",
    ])
      expect(JSON.stringify((await get(path)).body)).not.toContain(LISTING_CONTACT_NAME);
  });

  it("lists services in pages as the openapi says, in the list shape, filtered by search, term and organization", async () => {
    const { body } = await get("/hsds/services?per_page=2&page=1");
    expect(body).toMatchObject({
      total_items: 4,
      total_pages: 2,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    for (const s of body.contents) expect(valid("compiled/service_list.json", s)).toEqual([]);
    const { body: page2 } = await get("/hsds/services?per_page=2&page=2");
    expect(page2).toMatchObject({ size: 2, last_page: true, first_page: false });
    const ids = [...body.contents, ...page2.contents].map((s: any) => s.id).sort();
    expect(ids).toEqual(
      ours()
        .map((r) => r.id)
        .sort(),
    );

    const { body: full } = await get("/hsds/services?full=true");
    for (const s of full.contents) expect(valid("service.json", s)).toEqual([]);

    const byTerm = await get(`/hsds/services?taxonomy_term_id=${termId(TaxonomyKey.KIND, "KODOMO_SHOKUDO")}`);
    expect(byTerm.body.contents.map((s: any) => s.id)).toEqual([monthly.id]);
    const byText = await get(`/hsds/services?search=${encodeURIComponent("体操")}`);
    expect(byText.body.contents.map((s: any) => s.id)).toEqual([weekly.id]);
    const byOrg = await get(`/hsds/services?organization_id=${emptyOrg.id}`);
    expect(byOrg.body.contents.map((s: any) => s.id)).toEqual([bare.id]);
    const none = await get("/hsds/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000");
    expect(none.body).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it("serves organizations (list and full, with their services), taxonomies, terms and service_at_locations, all valid", async () => {
    const { body } = await get("/hsds/organizations");
    expect(body.total_items).toBe(2);
    for (const o of body.contents) expect(valid("compiled/organization_list.json", o)).toEqual([]);
    const { body: one } = await get(`/hsds/organizations/${org.id}?full_service=true`);
    expect(valid("organization.json", one)).toEqual([]);
    expect(one.services.map((s: any) => s.id).sort()).toEqual([weekly.id, monthly.id, dated.id].sort());
    expect(one.phones[0].number).toBe("042-000-1111");
    expect(one.email).toBe("info@midorino-shakyo.example.jp");
    expect(one.contacts).toEqual([]);
    for (const value of Object.values(PRIVATE_CONTACT)) {
      expect(JSON.stringify(one)).not.toContain(value);
      expect(JSON.stringify((await get("/hsds/organizations?full=true")).body)).not.toContain(value);
      expect(JSON.stringify((await get(`/hsds/services?full=true&per_page=100`)).body)).not.toContain(value);
    }

    const { body: taxonomies } = await get("/hsds/taxonomies");
    expect(taxonomies.total_items).toBe(Object.values(TaxonomyKey).length);
    for (const x of taxonomies.contents) expect(valid("taxonomy.json", x)).toEqual([]);
    const { body: terms } = await get(`/hsds/taxonomy_terms?per_page=1000`);
    for (const x of terms.contents) expect(valid("taxonomy_term.json", x)).toEqual([]);
    expect(terms.contents.find((x: any) => x.code === "KODOMO_SHOKUDO").name).toBe("子ども食堂");
    const { body: term } = await get(`/hsds/taxonomy_terms/${termId(TaxonomyKey.READING, "NAME_KANA")}`);
    expect(term.name).toBe("よみがな");

    const { body: sal } = await get("/hsds/service_at_locations?full=true");
    expect(sal.contents).toHaveLength(2);
    for (const x of sal.contents) expect(valid("service_at_location.json", x)).toEqual([]);
    const { body: salList } = await get("/hsds/service_at_locations");
    for (const x of salList.contents) expect(valid("compiled/service_at_location_list.json", x)).toEqual([]);
    const { res: oneRes, body: oneAt } = await get(`/hsds/service_at_locations/${salList.contents[0].id}`);
    expect(oneRes.status).toBe(200);
    expect(valid("compiled/service_at_location.json", oneAt)).toEqual([]);
    expect(oneAt).toMatchObject({ id: salList.contents[0].id, service: { id: salList.contents[0].service_id } });
    expect(oneAt.location.id).toBe(salList.contents[0].location_id);
    expect((await get(`/hsds/service_at_locations/${salList.contents[0].service_id}`)).res.status).toBe(404);
  });

  it("answers 404 for an unknown id and 400 for a bad page", async () => {
    expect((await get("/hsds/services/00000000-0000-4000-8000-000000000000")).res.status).toBe(404);
    expect((await get("/hsds/services/not-a-uuid")).res.status).toBe(404);
    const bad = await get("/hsds/services?page=0");
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

async function downloadPackage() {
  const res = await fetch(`${base}/hsds/package.zip`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  return new Uint8Array(await res.arrayBuffer());
}

describe("HSDS 3.0 tabular package (/hsds/package.zip)", () => {
  it("holds datapackage.json and one CSV per table, every row valid against its table's schema", async () => {
    const zip = await JSZip.loadAsync(await downloadPackage());
    const datapackage = JSON.parse(await zip.file("datapackage.json")!.async("string"));
    expect(datapackage.profile).toBe("tabular-data-package");
    expect(datapackage.resources.map((r: any) => r.path).sort()).toEqual(TABLE_NAMES.map((n) => TABLES[n].path).sort());
    let rows = 0;
    for (const name of TABLE_NAMES) {
      const { path: file, columns, numbers } = TABLES[name];
      // A CSV cell cannot tell "" from absent: empty is absent, except in a column the table requires.
      const required = new Set<string>(
        JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${name}.json`), "utf8")).required,
      );
      const text = await zip.file(file)!.async("string");
      const records = parse<Record<string, string>>(text, { columns: true });
      expect(Object.keys(records[0] ?? Object.fromEntries(columns.map((c) => [c, ""])))).toEqual([...columns]);
      for (const r of records) {
        const typed = Object.fromEntries(
          Object.entries(r)
            .filter(([k, v]) => v !== "" || required.has(k))
            .map(([k, v]) => [k, (numbers as readonly string[]).includes(k) ? Number(v) : v]),
        );
        expect(valid(`${name}.json`, typed)).toEqual([]);
        for (const value of [...Object.values(PRIVATE_CONTACT), LISTING_CONTACT_NAME])
          expect(Object.values(r)).not.toContain(value);
        rows++;
      }
    }
    const services = parse<any>(await zip.file("services.csv")!.async("string"), { columns: true });
    expect(services.map((s) => s.id).sort()).toEqual(
      ours()
        .map((r) => r.id)
        .sort(),
    );
    const schedules = parse<any>(await zip.file("schedules.csv")!.async("string"), { columns: true });
    expect(schedules.filter((s) => s.service_id === monthly.id).map((s) => s.byday)).toEqual(["2TU,4TU", "-1SA"]);
    expect(rows).toBeGreaterThan(100); // taxonomy terms alone are ~90
  });
});

/** The fields an HSDS round trip carries, normalised (set-like lists sorted). */
function carried(r: Resource) {
  const sorted = <T>(xs: T[]) => [...xs].sort();
  return {
    name: r.name,
    nameKana: r.nameKana,
    kind: r.kind,
    description: r.description,
    targetGroups: sorted(r.targetGroups),
    activities: sorted(r.activities),
    venueName: r.venueName,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    citywide: r.citywide,
    schedule: {
      ...r.schedule,
      rules: r.schedule.rules.map((x) => ({
        ...x,
        weekdays: sorted(x.weekdays),
        nthWeeks: sorted(x.nthWeeks),
        dates: sorted(x.dates),
      })),
      closedDates: sorted(r.schedule.closedDates),
    },
    capacity: r.capacity,
    costPerSessionYen: r.costPerSessionYen,
    accessibility: sorted(r.accessibility),
    nearestStop: r.nearestStop,
    transportOptions: sorted(r.transportOptions),
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
  };
}

describe("HSDS round trip: export, then read back with the HSDS reader", () => {
  const expectSame = (file: Awaited<ReturnType<typeof readHsds>>) => {
    expect(file.layout).toBe("HSDS_3");
    expect(file.rejected).toEqual([]);
    const byId = new Map(file.listings.map((l) => [l.source.sourceId, l]));
    for (const r of ours()) {
      const l = byId.get(r.id)!;
      expect(l, r.name).toBeDefined();
      expect(carried({ ...r, ...l.values } as Resource)).toEqual(carried(r));
      // The public file carries no 担当者名: nothing comes back for it.
      expect(l.values.contactName ?? null).toBeNull();
      expect(l.organizationName).toBe(r.organizationId === org.id ? "みどり野市社会福祉協議会" : "まだ掲載のない会");
      expect(l.kindGuess.from).toBe("KIND_COLUMN");
      expect(l.needsReview).toEqual([]);
    }
  };

  it("from the tabular package", async () => {
    const file = await readHsds(await downloadPackage(), { fileName: "hsds-package.zip" });
    expect(file.encoding).toBe("UTF8");
    expect(file.headers).toEqual([...TABLES.service.columns]);
    expectSame(file);
  });

  it("from services.csv alone (no other table): names, descriptions and ids, the rest flagged", async () => {
    const zip = await JSZip.loadAsync(await downloadPackage());
    const file = readHsdsPackage(new Map([["services.csv", await zip.file("services.csv")!.async("string")]]), {
      fileName: "services.csv",
    });
    expect(file.listings.map((l) => l.source.sourceId).sort()).toEqual(
      ours()
        .map((r) => r.id)
        .sort(),
    );
    expect(file.listings.every((l) => l.kindGuess.from === "DEFAULT")).toBe(true);
  });

  it("tells a package from another .zip (an .xlsx workbook)", async () => {
    expect(await isHsdsPackage(await downloadPackage())).toBe(true);
    const xlsx = await fetch(`${base}/export/resources.xlsx`);
    expect(await isHsdsPackage(new Uint8Array(await xlsx.arrayBuffer()))).toBe(false);
    expect(await isHsdsPackage(Buffer.from("{}"))).toBe(false);
  });

  it("from the API's JSON (a page of full services)", async () => {
    const res = await fetch(`${base}/hsds/services?full=true&per_page=1000`);
    const file = await readHsds(new Uint8Array(await res.arrayBuffer()), { fileName: "services.json" });
    expect(file.encoding).toBe("JSON");
    expectSame(file);
  });

  it("a foreign HSDS service without tsunagu's attributes: the default kind and the unreadable schedule are flagged", async () => {
    const foreign = {
      id: "9b1f7d0e-7a55-4c3e-8f0e-1d2c3b4a5f60",
      name: "Food bank",
      status: "active",
      schedules: [
        {
          id: "1f1f7d0e-7a55-4c3e-8f0e-1d2c3b4a5f61",
          freq: "MONTHLY",
          bymonthday: "15",
          opens_at: "10:00",
          closes_at: "12:00",
          description: "15th of each month",
        },
      ],
    };
    const file = await readHsds(Buffer.from(JSON.stringify([foreign, { id: "x" }])), {
      fileName: "x.json",
      defaultKind: ResourceKind.FOOD_PANTRY,
    });
    expect(file.rejected).toEqual([{ rowNumber: 2, reason: "サービスの名称 (name) がありません" }]);
    const [l] = file.listings;
    expect(l.values.kind).toBe(ResourceKind.FOOD_PANTRY);
    expect(l.kindGuess.from).toBe("DEFAULT");
    expect(l.values.schedule!.rules).toEqual([]);
    expect(l.values.schedule!.note).toBe("15th of each month");
    expect(l.needsReview).toHaveLength(2);
  });
});
