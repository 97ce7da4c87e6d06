import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accessibility, ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { ScheduleFrequency, Weekday } from "../schedules/schedule.value.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { EXPORT_COLUMNS } from "./directory-export.columns.js";

let t: TestApp;
let base: string;
/** The organization's 職員向けの連絡先: never in an export, which anyone may download. */
const PRIVATE_CONTACT = {
  contactName: "担当 髙橋花子",
  contactPhone: "090-1234-9876",
  contactEmail: "hanako@private.example.jp",
};
/** The listing's 担当者名, a named person: never in an export either (its phones and e-mail are its public contact). */
const LISTING_CONTACT_NAME = "世話役 渡邊幸子";
const url = (file: string, input: object = {}, extra = "") =>
  `${base}/export/${file}?input=${encodeURIComponent(JSON.stringify(input))}${extra}`;

beforeAll(async () => {
  t = await createTestApp();
  base = `http://127.0.0.1:${await t.app.listen(0, "127.0.0.1")}`;
  const org = await t.factories.organization({
    name: "髙橋町内会",
    nameKana: "たかはしちょうないかい",
    ...PRIVATE_CONTACT,
    publicPhone: "042-555-0100",
    publicEmail: "info@takahashi.example.jp",
    publicContactNote: "平日 9時〜17時",
  });
  await t.factories.resource({
    organizationId: org.id,
    name: "髙橋サロン「ひだまり」",
    nameKana: "たかはしさろんひだまり",
    kind: ResourceKind.SALON,
    description: '茶話会, 体操\n"初めて"の方も歓迎',
    targetGroups: [TargetGroup.ELDERLY],
    accessibility: [Accessibility.WHEELCHAIR, Accessibility.STEP_FREE],
    address: "東京都武蔵村山市本町1-2-3",
    costPerSessionYen: 100,
    contactName: LISTING_CONTACT_NAME,
    contactPhone: "042-000-1111",
    contactPhone2: "090-0000-2222",
    contactEmail: "hidamari@example.jp",
    schedule: {
      rules: [
        {
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [Weekday.TUE],
          nthWeeks: [2, 4],
          dates: [],
          startTime: "10:00",
          endTime: "11:30",
        },
      ],
      closedOnHolidays: true,
      closedYearEnd: false,
      closedDates: [],
      note: null,
    },
  });
  await t.factories.resource({
    organizationId: org.id,
    name: "子ども食堂 あおぞら",
    nameKana: "こどもしょくどうあおぞら",
    kind: ResourceKind.KODOMO_SHOKUDO,
    costPerSessionYen: 0,
  });
  await t.factories.resource({
    organizationId: org.id,
    name: "休止中の体操教室",
    nameKana: "きゅうしちゅうのたいそうきょうしつ",
    kind: ResourceKind.HEALTH_EXERCISE,
    status: ResourceStatus.PAUSED,
  });
  // Enough rows for several batches of the export (1,000 per batch), in one statement.
  await t.db.query(
    `INSERT INTO resource (name, name_kana, reading_key, kind, organization_id)
     SELECT 'まとめて' || i, 'まとめて' || i, 'まとめて' || lpad(i::text, 5, '0'), 'IBASHO', $1 FROM generate_series(1, 2500) i`,
    [org.id],
  );
});
afterAll(() => t.close());

const HEADERS = EXPORT_COLUMNS.map((c) => c.header);

describe("directory export: CSV", () => {
  it("UTF-8 with a BOM, Japanese headers and labels, every matching row (not one page), as an attachment with a Japanese name", async () => {
    const res = await fetch(url("resources.csv"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=UTF-8");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="resources-\d{8}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1])).toMatch(/^社会資源一覧_\d{8}\.csv$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.toString("utf8"), { bom: true });
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(1 + 2 + 2500); // the paused listing is not in the default (活動中) search
    const salon = rows.find((r) => r[1] === "髙橋サロン「ひだまり」")!;
    const cell = (h: string) => salon[HEADERS.indexOf(h)];
    expect(cell("種類")).toBe("サロン");
    expect(cell("状態")).toBe("活動中");
    expect(cell("運営団体")).toBe("髙橋町内会");
    expect(cell("説明")).toBe('茶話会, 体操\n"初めて"の方も歓迎');
    expect(cell("対象者")).toBe("高齢者");
    expect(cell("バリアフリー・配慮")).toBe("車椅子可、段差なし");
    expect(cell("日程")).toBe("第2・第4火曜 10:00〜11:30(祝日休み)");
    expect(cell("費用(円/回)")).toBe("100");
    expect(cell("電話番号")).toBe("042-000-1111");
    expect(cell("電話番号2")).toBe("090-0000-2222");
    expect(cell("メールアドレス")).toBe("hidamari@example.jp");
    expect(cell("運営団体の電話番号")).toBe("042-555-0100");
    expect(cell("運営団体のメールアドレス")).toBe("info@takahashi.example.jp");
    expect(cell("運営団体の連絡先の補足")).toBe("平日 9時〜17時");
    const text = bytes.toString("utf8");
    for (const value of Object.values(PRIVATE_CONTACT)) expect(text).not.toContain(value);
    // No column for the listing's 担当者名, and its value nowhere in the file.
    expect(HEADERS.filter((h) => h.includes("担当者"))).toEqual([]);
    expect(text).not.toContain(LISTING_CONTACT_NAME);
  });

  it("CP932 for older Excel: the bytes decode to the same text (髙 included, 〜 as ～)", async () => {
    const res = await fetch(url("resources.csv", { kinds: ["SALON", "KODOMO_SHOKUDO"] }, "&encoding=cp932"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes[0]).not.toBe(0xef); // no BOM
    expect(bytes.toString("utf8")).not.toContain("髙橋"); // really not UTF-8
    const text = iconv.decode(bytes, "cp932");
    const utf8 = await (await fetch(url("resources.csv", { kinds: ["SALON", "KODOMO_SHOKUDO"] }))).text();
    // The same text, but for 〜 (WAVE DASH), which CP932 has only as ～ (FULLWIDTH TILDE): never a "?".
    expect(text).toBe(utf8.replace(/^\uFEFF/, "").replace(/\u301c/g, "\uff5e"));
    expect(text).toContain("第2・第4火曜 10:00～11:30(祝日休み)");
    expect(text).not.toContain("?");
    const rows: string[][] = parse(text, {});
    expect(rows.map((r) => r[1]).slice(1)).toEqual(["子ども食堂 あおぞら", "髙橋サロン「ひだまり」"]);
  });

  it("honours the search's filters: text, kinds, free only, statuses, accessibility", async () => {
    const names = async (input: object) => {
      const rows: string[][] = parse(await (await fetch(url("resources.csv", input))).text(), { bom: true });
      return rows.slice(1).map((r) => r[1]);
    };
    expect(await names({ text: "ひだまり" })).toEqual(["髙橋サロン「ひだまり」"]);
    expect(await names({ kinds: ["KODOMO_SHOKUDO"] })).toEqual(["子ども食堂 あおぞら"]);
    expect(await names({ freeOnly: true, kinds: ["SALON", "KODOMO_SHOKUDO"] })).toEqual(["子ども食堂 あおぞら"]);
    expect(await names({ statuses: ["PAUSED"] })).toEqual(["休止中の体操教室"]);
    expect(await names({ accessibility: ["WHEELCHAIR", "STEP_FREE"] })).toEqual(["髙橋サロン「ひだまり」"]);
    expect(await names({ accessibility: ["WHEELCHAIR", "QUIET_ROOM"] })).toEqual([]);
  });

  it("refuses filters that are not a SearchResourcesInput, and an unknown encoding, with 400", async () => {
    for (const bad of [
      `${base}/export/resources.csv?input=${encodeURIComponent("{not json")}`,
      url("resources.csv", { kinds: ["NOPE"] }),
      url("resources.csv", { unknownFilter: 1 }),
      url("resources.csv", { near: { lat: 999, lng: 0 } }),
      url("resources.csv", {}, "&encoding=sjis"),
    ]) {
      const res = await fetch(bad);
      expect(res.status, bad).toBe(400);
      const body: any = await res.json();
      expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("directory export: .xlsx", () => {
  it("reads back with exceljs: Japanese headers, the listing's labels, every matching row", async () => {
    const res = await fetch(url("resources.xlsx"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("''")[1])).toMatch(
      /^社会資源一覧_\d{8}\.xlsx$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("社会資源");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount).toBe(1 + 2 + 2500);
    let salon: unknown[] | undefined;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[1] === "髙橋サロン「ひだまり」") salon = values;
    });
    expect(salon![HEADERS.indexOf("種類")]).toBe("サロン");
    expect(salon![HEADERS.indexOf("費用(円/回)")]).toBe(100);
    expect(salon![HEADERS.indexOf("日程")]).toBe("第2・第4火曜 10:00〜11:30(祝日休み)");
    expect(salon![HEADERS.indexOf("運営団体の電話番号")]).toBe("042-555-0100");
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    for (const value of [...Object.values(PRIVATE_CONTACT), LISTING_CONTACT_NAME]) expect(cells).not.toContain(value);
    expect(salon![HEADERS.indexOf("メールアドレス")]).toBe("hidamari@example.jp");
  });

  it("honours the filters", async () => {
    const res = await fetch(url("resources.xlsx", { kinds: ["KODOMO_SHOKUDO"] }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.actualRowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe("子ども食堂 あおぞら");
  });
});
