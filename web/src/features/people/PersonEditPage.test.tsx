import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  AreaListDocument,
  CreateSupportPlanDocument,
  PersonEditDocument,
  UpdatePersonDocument,
  UpdateSupportPlanDocument,
} from "../../gql/graphql";
import { FlashStatus } from "../../ui/flash-status";
import { renderPage } from "../../ui/test-utils";
import { PersonEditPage } from "./PersonEditPage";

afterEach(cleanup);

const needs = {
  __typename: "NeedsProfile",
  wantedActivities: ["囲碁", "木工"],
  wantedKinds: ["SALON"],
  targetGroups: ["ELDERLY"],
  weekdays: ["TUE", "WED"],
  timeBands: ["MORNING"],
  mobility: "BICYCLE",
  maxTravelMeters: 2000,
  groupSize: "SMALL_GROUP",
  roles: ["VOLUNTEER"],
  accessibility: [],
  freeOnly: true,
  wishes: "教えられることがあれば手伝いたい",
  strengths: "運転が得意",
  otherPreferences: "",
};

const plan = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: "SupportPlan",
  id,
  version: 1,
  planVersion: "NEW",
  status: "DRAFT",
  goals: ["週1回外出する"],
  agreedOn: null,
  reviewOn: null,
  ...extra,
});

const person = (extra: Record<string, unknown> = {}) => ({
  __typename: "Person",
  id: "p-1",
  version: 4,
  displayName: "青木 昭",
  nameKana: "アオキ アキラ",
  birthYear: 1958,
  ageBand: "AGE_65_74",
  area: { __typename: "Area", id: "a-1" },
  participationLevel: "GOES_OUT",
  contactPreference: "PHONE",
  contactNote: "",
  householdIssues: ["EIGHTY_FIFTY"],
  householdCircumstances: [],
  householdNote: "母と二人暮らし",
  certificates: [],
  needs,
  viewerCan: { __typename: "PersonPermissions", update: true },
  supportPlans: [plan("sp-1")],
  ...extra,
});

const editMock = (data: Record<string, unknown>): MockLink.MockedResponse => ({
  request: { query: PersonEditDocument, variables: { id: "p-1" } },
  result: { data: { person: data } },
  delay: 0,
});

const areasMock: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: {
    data: {
      areas: [
        { __typename: "Area", id: "a-1", name: "みどり野西エリア", type: "WELFARE_AREA" },
        { __typename: "Area", id: "a-2", name: "みどり野東エリア", type: "WELFARE_AREA" },
      ],
    },
  },
  delay: 0,
};

/** What the untouched form sends back. */
const unchangedInput = {
  id: "p-1",
  expectedVersion: 4,
  displayName: "青木 昭",
  nameKana: "アオキ アキラ",
  birthYear: 1958,
  areaId: "a-1",
  participationLevel: "GOES_OUT",
  contactPreference: "PHONE",
  contactNote: "",
  householdIssues: ["EIGHTY_FIFTY"],
  householdCircumstances: [],
  householdNote: "母と二人暮らし",
  certificates: [],
  needs: {
    wantedActivities: ["囲碁", "木工"],
    wantedKinds: ["SALON"],
    targetGroups: ["ELDERLY"],
    weekdays: ["TUE", "WED"],
    timeBands: ["MORNING"],
    mobility: "BICYCLE",
    maxTravelMeters: 2000,
    groupSize: "SMALL_GROUP",
    roles: ["VOLUNTEER"],
    accessibility: [],
    freeOnly: true,
    wishes: "教えられることがあれば手伝いたい",
    strengths: "運転が得意",
    otherPreferences: "",
  },
};

const profileOf = (p: ReturnType<typeof person>) => ({
  ...p,
  track: "CONSENTED",
  registeredOn: "2026-04-01",
  coordinator: null,
  area: { __typename: "Area", id: "a-2", name: "みどり野東エリア" },
});

function renderEdit(mocks: MockLink.MockedResponse[], first = person()) {
  return renderPage(<PersonEditPage />, {
    path: "/people/:personId/edit",
    url: "/people/p-1/edit",
    mocks: [editMock(first), areasMock, ...mocks],
    otherRoutes: [
      {
        path: "/people/:personId",
        element: (
          <>
            <h1>本人の詳細</h1>
            <FlashStatus />
          </>
        ),
      },
    ],
  });
}

const heading = () => screen.findByRole("heading", { level: 1, name: "本人の情報を編集" });

describe("PersonEditPage", () => {
  it("prefills the profile and the needs, and lists the plans", async () => {
    renderEdit([]);
    await heading();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /表示名または仮名/ }).value).toBe("青木 昭");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "生まれ年 (西暦)" }).value).toBe("1958");
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "年齢層" }).disabled).toBe(true);
    await screen.findByRole("option", { name: "みどり野西エリア" });
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "お住まいの地区" }).value).toBe("a-1");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "8050" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "やってみたい活動" }).value).toBe("囲碁、木工");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "火曜" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "月曜" }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "自転車" }).checked).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "無理なく行ける距離" }).value).toBe("2000");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "無料の場に限る" }).checked).toBe(true);
    const plans = within(screen.getByRole("region", { name: "支援プラン" }));
    expect(plans.getByRole("heading", { level: 3, name: "新規・作成中" })).toBeTruthy();
    expect(plans.getByText("週1回外出する")).toBeTruthy();
    // No basis here: consent is recorded on 本人の詳細.
    expect(screen.queryByRole("group", { name: "登録の根拠" })).toBeNull();
  });

  it("saves the changes with the version it loaded and returns to the person with a confirmation", async () => {
    const { router } = renderEdit([
      {
        request: {
          query: UpdatePersonDocument,
          variables: {
            input: {
              ...unchangedInput,
              areaId: "a-2",
              birthYear: null,
              ageBand: "AGE_75_PLUS",
              householdIssues: ["EIGHTY_FIFTY", "CARE_BURDEN"],
              householdCircumstances: [],
              needs: {
                ...unchangedInput.needs,
                wantedActivities: ["囲碁"],
                weekdays: ["MON", "TUE", "WED"],
                maxTravelMeters: 5000,
                freeOnly: false,
              },
            },
          },
        },
        result: {
          data: {
            updatePerson: {
              __typename: "PersonPayload",
              person: profileOf(
                person({
                  version: 5,
                  birthYear: null,
                  ageBand: "AGE_75_PLUS",
                  householdIssues: ["EIGHTY_FIFTY", "CARE_BURDEN"],
                  householdCircumstances: [],
                }),
              ),
            },
          },
        },
        delay: 0,
      },
    ]);
    await heading();
    await screen.findByRole("option", { name: "みどり野東エリア" });
    fireEvent.change(screen.getByRole("combobox", { name: "お住まいの地区" }), { target: { value: "a-2" } });
    fireEvent.change(screen.getByRole("textbox", { name: "生まれ年 (西暦)" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "年齢層" }), { target: { value: "AGE_75_PLUS" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "介護負担" }));
    fireEvent.change(screen.getByRole("textbox", { name: "やってみたい活動" }), { target: { value: "囲碁" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "月曜" }));
    fireEvent.change(screen.getByRole("combobox", { name: "無理なく行ける距離" }), { target: { value: "5000" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "無料の場に限る" }));
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    expect((await screen.findByText("本人の情報を保存しました")).getAttribute("role")).toBe("status");
    expect(router.state.location.pathname).toBe("/people/p-1");
  });

  it("shows the server's message for a field beside that field", async () => {
    renderEdit([
      {
        request: { query: UpdatePersonDocument, variables: { input: { ...unchangedInput, nameKana: "aoki" } } },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.nameKana", messages: ["よみがなはカタカナかひらがなで入力してください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    await heading();
    fireEvent.change(screen.getByRole("textbox", { name: "よみがな" }), { target: { value: "aoki" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    const message = await screen.findByText("よみがなはカタカナかひらがなで入力してください");
    const kana = screen.getByRole("textbox", { name: "よみがな" });
    expect(kana.getAttribute("aria-invalid")).toBe("true");
    expect(kana.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
  });

  it("on a CONFLICT says someone saved first and reloads the latest version into the form", async () => {
    const { sent } = renderEdit([
      {
        request: {
          query: UpdatePersonDocument,
          variables: { input: { ...unchangedInput, contactNote: "夕方以降に" } },
        },
        result: {
          errors: [
            new GraphQLError("この本人の情報は他の人が先に更新しました。画面を読み込み直してください", {
              extensions: { code: "CONFLICT" },
            }),
          ],
        },
        delay: 0,
      },
      editMock(person({ version: 5, displayName: "青木 昭さん", contactNote: "午前中は不在" })),
    ]);
    await heading();
    fireEvent.change(screen.getByRole("textbox", { name: "連絡先・連絡時の注意" }), {
      target: { value: "夕方以降に" },
    });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("ほかの人が先に更新しました");
    fireEvent.click(within(alert).getByRole("button", { name: "最新の内容を読み込む" }));

    expect(await screen.findByText("最新の内容を読み込みました。")).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /表示名または仮名/ }).value).toBe("青木 昭さん");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "連絡先・連絡時の注意" }).value).toBe("午前中は不在");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(sent.map((s) => s.operationName).filter((n) => n === "PersonEdit")).toHaveLength(2);
  });

  it("creates a plan: 合意済 without its date gets the server's message beside the date, then it is listed", async () => {
    const input = {
      personId: "p-1",
      planVersion: "REPLAN",
      status: "AGREED",
      goals: ["サロンに月2回行く", "家族と話す"],
      agreedOn: null,
      reviewOn: null,
    };
    renderEdit([
      {
        request: { query: CreateSupportPlanDocument, variables: { input } },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.agreedOn", messages: ["合意した日を入力してください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
      {
        request: { query: CreateSupportPlanDocument, variables: { input: { ...input, agreedOn: "2026-11-20" } } },
        result: {
          data: {
            createSupportPlan: {
              __typename: "SupportPlanPayload",
              supportPlan: plan("sp-2", {
                planVersion: "REPLAN",
                status: "AGREED",
                goals: input.goals,
                agreedOn: "2026-11-20",
              }),
            },
          },
        },
        delay: 0,
      },
    ]);
    await heading();
    const plans = within(screen.getByRole("region", { name: "支援プラン" }));
    fireEvent.click(plans.getByRole("button", { name: "支援プランを作る" }));
    const form = within(plans.getByRole("form", { name: "支援プランを作る" }));
    expect(form.getByRole<HTMLInputElement>("radio", { name: "再プラン" }).checked).toBe(true);
    fireEvent.click(form.getByRole("radio", { name: "合意済" }));
    fireEvent.change(form.getByRole("textbox", { name: "当面の目標" }), {
      target: { value: "サロンに月2回行く\n\n家族と話す" },
    });
    fireEvent.click(form.getByRole("button", { name: "支援プランを作る" }));

    const message = await form.findByText("合意した日を入力してください");
    const agreedOn = form.getByLabelText("本人と合意した日");
    expect(agreedOn.getAttribute("aria-invalid")).toBe("true");
    expect(agreedOn.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);

    fireEvent.change(agreedOn, { target: { value: "2026-11-20" } });
    fireEvent.click(form.getByRole("button", { name: "支援プランを作る" }));
    expect(await screen.findByText("支援プランを作りました")).toBeTruthy();
    const titles = plans.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(["再プラン・合意済", "新規・作成中"]);
    expect(plans.queryByRole("form")).toBeNull();
  });

  it("updates a plan with its version; a CONFLICT offers the latest version", async () => {
    renderEdit([
      {
        request: {
          query: UpdateSupportPlanDocument,
          variables: {
            input: {
              id: "sp-1",
              expectedVersion: 1,
              status: "AGREED",
              goals: ["週1回外出する"],
              agreedOn: "2026-11-01",
              reviewOn: "2027-02-01",
            },
          },
        },
        result: {
          errors: [
            new GraphQLError("この支援プランは他の人が先に更新しました。画面を読み込み直してください", {
              extensions: { code: "CONFLICT" },
            }),
          ],
        },
        delay: 0,
      },
      editMock(
        person({ supportPlans: [plan("sp-1", { version: 2, status: "UNDER_REVIEW", agreedOn: "2026-10-01" })] }),
      ),
      {
        request: {
          query: UpdateSupportPlanDocument,
          variables: {
            input: {
              id: "sp-1",
              expectedVersion: 2,
              status: "CLOSED",
              goals: ["週1回外出する"],
              agreedOn: "2026-10-01",
              reviewOn: null,
            },
          },
        },
        result: {
          data: {
            updateSupportPlan: {
              __typename: "SupportPlanPayload",
              supportPlan: plan("sp-1", { version: 3, status: "CLOSED", agreedOn: "2026-10-01" }),
            },
          },
        },
        delay: 0,
      },
    ]);
    await heading();
    const plans = within(screen.getByRole("region", { name: "支援プラン" }));
    fireEvent.click(plans.getByRole("button", { name: "新規・作成中 を編集" }));
    let form = within(plans.getByRole("form", { name: "新規・作成中 を編集" }));
    expect(form.queryByRole("group", { name: /プランの種類/ })).toBeNull();
    fireEvent.click(form.getByRole("radio", { name: "合意済" }));
    fireEvent.change(form.getByLabelText("本人と合意した日"), { target: { value: "2026-11-01" } });
    fireEvent.change(form.getByLabelText("見直し予定日"), { target: { value: "2027-02-01" } });
    fireEvent.click(form.getByRole("button", { name: "支援プランを保存する" }));

    const alert = await form.findByRole("alert");
    expect(alert.textContent).toContain("ほかの人が先に更新しました");
    fireEvent.click(within(alert).getByRole("button", { name: "最新の内容を読み込む" }));
    expect(await plans.findByRole("heading", { level: 3, name: "新規・見直し中" })).toBeTruthy();

    fireEvent.click(plans.getByRole("button", { name: "新規・見直し中 を編集" }));
    form = within(plans.getByRole("form", { name: "新規・見直し中 を編集" }));
    expect(form.getByLabelText<HTMLInputElement>("本人と合意した日").value).toBe("2026-10-01");
    fireEvent.click(form.getByRole("radio", { name: "終了" }));
    fireEvent.click(form.getByRole("button", { name: "支援プランを保存する" }));
    expect(await screen.findByText("支援プランを保存しました")).toBeTruthy();
    expect(plans.getByRole("heading", { level: 3, name: "新規・終了" })).toBeTruthy();
  });

  it("says so when the person cannot be found", async () => {
    renderPage(<PersonEditPage />, {
      path: "/people/:personId/edit",
      url: "/people/p-x/edit",
      mocks: [
        {
          request: { query: PersonEditDocument, variables: { id: "p-x" } },
          result: { errors: [new GraphQLError("本人が見つかりません", { extensions: { code: "NOT_FOUND" } })] },
          delay: 0,
        },
        areasMock,
      ],
    });
    expect((await screen.findByRole("alert")).textContent).toContain(
      "この本人は見つからないか、見る権限がありません。",
    );
    expect(screen.getByRole("heading", { level: 1, name: "本人の情報を編集" })).toBeTruthy();
  });
});
