import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { SUMMARY_SHEET, sheetNameOf } from "./evaluation-report.export.js";
import { INDICATOR_CATALOG } from "./indicator-catalog.js";

let t: TestApp;
let base: string;
let adminCookie: string;

/** A signed-in session's cookie, taken from the login mutation over HTTP. */
async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
      variables: { input: { email, password: TEST_PASSWORD } },
    }),
  });
  return res.headers.get("set-cookie")!.split(";")[0];
}

beforeAll(async () => {
  t = await createTestApp();
  base = `http://127.0.0.1:${await t.app.listen(0, "127.0.0.1")}`;
  const admin = await t.factories.user({ role: UserRole.ADMIN });
  adminCookie = await cookieOf(admin.email);
  const viewer = await t.asViewer(admin);
  await viewer(`mutation($input: SetIndicatorValuesInput!) { setIndicatorTargets(input: $input) { targets { id } } }`, {
    input: {
      fiscalYear: 2024,
      values: [
        { indicatorId: "plan-persons", value: 11 },
        { indicatorId: "matchings", value: 20 },
      ],
    },
  });
  await viewer(
    `mutation($input: SetIndicatorValuesInput!) { setIndicatorEnteredValues(input: $input) { values { id } } }`,
    { input: { fiscalYear: 2024, values: [{ indicatorId: "kosodate-kyoten-visits", value: 57903 }] } },
  );
  await viewer(`mutation($input: SetIndicatorValuesInput!) { setIndicatorTargets(input: $input) { targets { id } } }`, {
    input: { fiscalYear: 2024, values: [{ indicatorId: "kosodate-kyoten-visits", value: 81000 }] },
  });
  await viewer(
    `mutation($input: SetReportNarrativeInput!) { setReportNarrative(input: $input) { narrative { id } } }`,
    {
      input: {
        fiscalYear: 2024,
        jigyo: 2,
        achievementEvaluation: "目標に届かなかった",
        issuesAndDirection: "受け入れ先を増やす",
      },
    },
  );
});
afterAll(() => t?.close());

describe("GET /export/evaluation-report.xlsx", () => {
  it("opens as a workbook with the summary sheet and one sheet per 事業, numbers as number cells with formats", async () => {
    const res = await fetch(`${base}/export/evaluation-report.xlsx?fiscalYear=2024`, {
      headers: { Cookie: adminCookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const jigyos = [...new Set(INDICATOR_CATALOG.map((d) => d.jigyo))].sort();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, ...jigyos.map(sheetNameOf)]);
    expect(sheetNameOf(2)).toBe("第2号 参加支援");

    // 第3号: 地域子育て支援拠点 延べ利用回数 57,903 of 81,000 → 71.5%, stored as 0.715 with a percent format.
    const sheet3 = workbook.getWorksheet(sheetNameOf(3))!;
    const header = sheet3.getRow(2).values as unknown[];
    const rateColumn = header.indexOf("2024年度 達成率");
    const actualColumn = header.indexOf("2024年度 実績");
    const targetColumn = header.indexOf("2024年度 目標");
    let kosodate: ExcelJS.Row | undefined;
    sheet3.eachRow((row) => {
      const name = row.getCell(2).value;
      if (typeof name === "string" && name.startsWith("地域子育て支援拠点")) kosodate = row;
    });
    expect(kosodate).toBeDefined();
    const rate = kosodate!.getCell(rateColumn);
    expect([typeof rate.value, rate.value, rate.numFmt]).toEqual(["number", 0.715, "0.0%"]);
    expect([kosodate!.getCell(actualColumn).value, kosodate!.getCell(actualColumn).numFmt]).toEqual([57903, "#,##0"]);
    expect(kosodate!.getCell(targetColumn).value).toBe(81000);
    expect(kosodate!.getCell(rateColumn + 1).value).toBe("50%以上");

    // 第2号: the narratives under the table; a computed figure (0 here) is a number too.
    const sheet2 = workbook.getWorksheet(sheetNameOf(2))!;
    const texts: unknown[] = [];
    sheet2.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toEqual(
      expect.arrayContaining(["【達成度評価】", "目標に届かなかった", "【今後の課題と方向性】", "受け入れ先を増やす"]),
    );
    let plan: ExcelJS.Row | undefined;
    sheet2.eachRow((row) => {
      if (row.getCell(2).value === "支援プラン策定人数") plan = row;
    });
    expect([plan!.getCell(actualColumn).value, plan!.getCell(actualColumn).numFmt]).toEqual([0, "#,##0"]);
    expect([plan!.getCell(targetColumn).value, plan!.getCell(rateColumn).value]).toEqual([11, 0]);

    // 総括: the 事業別 table's total row counts numbers.
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    let total: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "合計" && !total) total = row;
    });
    expect(total!.getCell(2).value).toBe(3); // three indicators with a target
    expect(total!.getCell(2).numFmt).toBe("0");
  });

  it("is refused without a session, to a host, and for a bad year", async () => {
    expect((await fetch(`${base}/export/evaluation-report.xlsx?fiscalYear=2024`)).status).toBe(401);
    const host = await t.factories.user({ role: UserRole.HOST });
    const hostCookie = await cookieOf(host.email);
    expect(
      (await fetch(`${base}/export/evaluation-report.xlsx?fiscalYear=2024`, { headers: { Cookie: hostCookie } }))
        .status,
    ).toBe(403);
    const bad = await fetch(`${base}/export/evaluation-report.xlsx?fiscalYear=abc`, {
      headers: { Cookie: adminCookie },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [{ field: "fiscalYear" }] } });
  });
});

describe("GET /export/evaluation-report.csv", () => {
  it("is UTF-8 with a BOM, one row per indicator", async () => {
    const res = await fetch(`${base}/export/evaluation-report.csv?fiscalYear=2024`, {
      headers: { Cookie: adminCookie },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(INDICATOR_CATALOG.length + 1);
    expect(lines[0].startsWith("事業,№,指標ID,指標,単位,分野,手入力,2021年度 目標")).toBe(true);
    expect(lines.find((l) => l.includes(",kosodate-kyoten-visits,"))).toContain(",81000,57903,71.5,50%以上,");
  });
});
