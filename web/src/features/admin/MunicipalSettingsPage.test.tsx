import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { GraphQLError } from "graphql";
import { MunicipalSettingsPageDocument, UpdateMunicipalSettingsDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { changedSettings, toSettingsForm } from "./municipal-settings-form";
import { MunicipalSettingsPage } from "./MunicipalSettingsPage";

afterEach(cleanup);

const settings = (update = true) => ({
  __typename: "MunicipalSettings",
  firstCheckDays: 14,
  followUpMonths: 3,
  settlingCheckMonths: [3, 6],
  onTimeGraceDays: 7,
  openWeekdays: ["MON", "TUE", "WED", "THU", "FRI"],
  closedOnHolidays: true,
  closedForYearEnd: true,
  postClosureContacts: 2,
  postClosureIntervalMonths: 3,
  requireSupportPlanForMatch: false,
  auditRetentionDays: 1825,
  personRetentionYears: 5,
  followUpNoteRetentionYears: 5,
  intakeRetentionYears: 5,
  meetingRetentionYears: 5,
  twoFactorRequiredRoles: [],
  updatedAt: "2026-12-01T01:00:00.000Z",
  viewerCan: { __typename: "MunicipalSettingsPermissions", update },
});
const load = (update = true): MockLink.MockedResponse => ({
  request: { query: MunicipalSettingsPageDocument },
  result: { data: { municipalSettings: settings(update) } },
  delay: 0,
});
const page = (mocks: MockLink.MockedResponse[]) =>
  renderPage(<MunicipalSettingsPage />, { path: "/admin/settings", url: "/admin/settings", mocks });
const box = (name: string) => screen.getByRole("textbox", { name });
const group = (name: string) => screen.getByRole("group", { name });

describe("MunicipalSettingsPage", () => {
  it("shows the saved values in their groups and sends only what changed", async () => {
    const { sent } = page([
      load(),
      {
        request: {
          query: UpdateMunicipalSettingsDocument,
          variables: { input: { followUpMonths: 6, openWeekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"] } },
        },
        result: {
          data: {
            updateMunicipalSettings: {
              ...settings(),
              followUpMonths: 6,
              openWeekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"],
              updatedAt: "2026-12-06T01:00:00.000Z",
            },
          },
        },
        delay: 0,
      },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "運用設定" })).toBeTruthy();
    for (const name of ["フォローアップ", "窓口の開庁日", "終結後の連絡", "マッチング", "監査ログ"])
      expect((group(name) as HTMLFieldSetElement).disabled, name).toBe(false);
    const months = within(group("フォローアップ")).getByRole("textbox", { name: "フォローアップ期間 (か月)" });
    expect((months as HTMLInputElement).value).toBe("3");
    expect((box("定着確認の時期 (参加開始から何か月目)") as HTMLInputElement).value).toBe("3, 6");
    expect((box("監査ログの保存日数") as HTMLInputElement).value).toBe("1825");
    const weekdays = group("開庁している曜日");
    expect(within(weekdays).getByRole<HTMLInputElement>("checkbox", { name: "月曜" }).checked).toBe(true);
    expect(within(weekdays).getByRole<HTMLInputElement>("checkbox", { name: "土曜" }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "祝日 (振替休日を含む) は閉庁" }).checked).toBe(true);

    fireEvent.change(months, { target: { value: "６" } });
    fireEvent.click(within(weekdays).getByRole("checkbox", { name: "土曜" }));
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("保存しました。")).toBeTruthy();
    expect(sent.find((s) => s.operationName === "UpdateMunicipalSettings")?.variables).toEqual({
      input: { followUpMonths: 6, openWeekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"] },
    });
    expect((box("フォローアップ期間 (か月)") as HTMLInputElement).value).toBe("6");
    expect(within(group("開庁している曜日")).getByRole<HTMLInputElement>("checkbox", { name: "土曜" }).checked).toBe(
      true,
    );
  });

  it("says nothing changed without sending, and a box without a number beside it", async () => {
    const { sent } = page([load()]);
    await screen.findByRole("heading", { level: 1, name: "運用設定" });
    fireEvent.click(await screen.findByRole("button", { name: "保存する" }));
    expect(await screen.findByText("変更された項目はありません。")).toBeTruthy();
    fireEvent.change(box("終結後の連絡の回数"), { target: { value: "二回" } });
    fireEvent.change(box("定着確認の時期 (参加開始から何か月目)"), { target: { value: "3か月, 6" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("半角または全角の数字 (整数) で入力してください")).toBeTruthy();
    expect(screen.getByText("数字をカンマか読点で区切って入力してください (例: 3, 6)")).toBeTruthy();
    expect(box("終結後の連絡の回数").getAttribute("aria-invalid")).toBe("true");
    expect(sent.some((s) => s.operationName === "UpdateMunicipalSettings")).toBe(false);
  });

  it("shows the server's per-field messages beside their fields, and keeps what was typed", async () => {
    page([
      load(),
      {
        request: {
          query: UpdateMunicipalSettingsDocument,
          variables: { input: { followUpMonths: 30, openWeekdays: [] } },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [
                  { field: "input.followUpMonths", messages: ["24か月以内にしてください"] },
                  { field: "input.openWeekdays", messages: ["開いている曜日を1つ以上選んでください"] },
                ],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    const months = await screen.findByRole("textbox", { name: "フォローアップ期間 (か月)" });
    fireEvent.change(months, { target: { value: "30" } });
    for (const day of ["月曜", "火曜", "水曜", "木曜", "金曜"])
      fireEvent.click(within(group("開庁している曜日")).getByRole("checkbox", { name: day }));
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("入力内容を確認してください");
    const message = screen.getByText("24か月以内にしてください");
    expect(months.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    expect(within(group("開庁している曜日")).getByText("開いている曜日を1つ以上選んでください")).toBeTruthy();
    expect((months as HTMLInputElement).value).toBe("30");
    expect(screen.queryByText("保存しました。")).toBeNull();
  });

  it("is read-only, with the reason, for a viewer the server does not let change the settings", async () => {
    page([load(false)]);
    expect(await screen.findByText("運用設定を変更できるのは管理者だけです。内容の確認だけできます。")).toBeTruthy();
    // Each group is a <fieldset disabled>: the browser disables every control inside (happy-dom does not apply it).
    for (const name of ["フォローアップ", "窓口の開庁日", "終結後の連絡", "マッチング", "監査ログ"])
      expect((group(name) as HTMLFieldSetElement).disabled, name).toBe(true);
    expect(within(group("フォローアップ")).getByRole("textbox", { name: "フォローアップ期間 (か月)" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "保存する" })).toBeNull();
  });
});

describe("changedSettings: roles that must use 二段階認証", () => {
  const saved = { ...settings(), twoFactorRequiredRoles: ["COORDINATOR" as const] } as Parameters<
    typeof changedSettings
  >[0];
  it("sends the roles only when the set changed, in a stable order", () => {
    const form = toSettingsForm(saved);
    expect(changedSettings(saved, form)).toEqual({ ok: true, input: {} });
    expect(changedSettings(saved, { ...form, twoFactorRequiredRoles: ["COORDINATOR", "ADMIN"] })).toEqual({
      ok: true,
      input: { twoFactorRequiredRoles: ["ADMIN", "COORDINATOR"] },
    });
    expect(changedSettings(saved, { ...form, twoFactorRequiredRoles: [] })).toEqual({
      ok: true,
      input: { twoFactorRequiredRoles: [] },
    });
  });
});
