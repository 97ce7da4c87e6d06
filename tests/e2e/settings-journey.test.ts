/**
 * 運用設定 in the browser: an administrator opens it from the menu, changes the follow-up period and the office days,
 * saves, reloads and sees them kept; a value out of range is answered beside its field in Japanese and nothing is
 * saved. The demo city's settings are put back afterwards (the other files read the same database, one at a time).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { apiAs } from "./support/api";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const ADMIN = "admin@example.jp";
const FIELDS = "followUpMonths openWeekdays";
type Saved = { followUpMonths: number; openWeekdays: string[] };

const adminApi = apiAs(ADMIN);
const { newSession } = useBrowser();
const step = journeySteps();
const saved = async () =>
  (await adminApi<{ municipalSettings: Saved }>(`{ municipalSettings { ${FIELDS} } }`)).municipalSettings;

let admin: Page;
let original: Saved;
// A period the demo city does not use, so the test sees its own change.
let months: number;

beforeAll(async () => {
  original = await saved();
  months = original.followUpMonths === 5 ? 4 : 5;
  admin = (await newSession({ as: ADMIN, forFile: true })).page;
});

afterAll(async () => {
  await adminApi(
    `mutation($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { ${FIELDS} } }`,
    { input: original },
  );
});

describe("settings journey", () => {
  step("changes the follow-up period and the office days; after a reload the page shows them", async () => {
    await visit(admin, "/admin/users", "アカウント");
    await admin.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "運用設定" }).click();
    await waitForPage(admin, "運用設定");
    const period = admin.getByRole("group", { name: "フォローアップ" }).getByRole("textbox", {
      name: "フォローアップ期間 (か月)",
    });
    expect(await period.inputValue()).toBe(String(original.followUpMonths));
    await period.fill(String(months));
    const saturday = admin.getByRole("group", { name: "開庁している曜日" }).getByRole("checkbox", { name: "土曜" });
    expect(await saturday.isChecked()).toBe(original.openWeekdays.includes("SAT"));
    await saturday.setChecked(!original.openWeekdays.includes("SAT"));
    await admin.getByRole("button", { name: "保存する" }).click();
    await admin.getByText("保存しました。").waitFor();

    await admin.reload();
    await waitForPage(admin, "運用設定");
    expect(await period.inputValue()).toBe(String(months));
    expect(await saturday.isChecked()).toBe(!original.openWeekdays.includes("SAT"));
    expect(await saved()).toEqual({
      followUpMonths: months,
      openWeekdays: original.openWeekdays.includes("SAT")
        ? original.openWeekdays.filter((d) => d !== "SAT")
        : ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"].filter(
            (d) => d === "SAT" || original.openWeekdays.includes(d),
          ),
    });
  });

  step("a period over 24 months is answered beside its box in Japanese, and nothing is saved", async () => {
    const before = await saved();
    const period = admin.getByRole("textbox", { name: "フォローアップ期間 (か月)" });
    await period.fill("30");
    await admin.getByRole("group", { name: "開庁している曜日" }).getByRole("checkbox", { name: "月曜" }).uncheck();
    await admin.getByRole("button", { name: "保存する" }).click();
    await admin.getByRole("alert").getByText("入力内容を確認してください").waitFor();
    const message = admin.getByText("24か月以内にしてください");
    await message.waitFor();
    const describedBy = (await period.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await message.locator("xpath=ancestor::ul[1]").getAttribute("id"));
    expect(await period.getAttribute("aria-invalid")).toBe("true");
    await checkA11y(admin, "settings-invalid");
    expect(await saved()).toEqual(before);
    await admin.reload();
    await waitForPage(admin, "運用設定");
    expect(await period.inputValue()).toBe(String(months));
  });
});
