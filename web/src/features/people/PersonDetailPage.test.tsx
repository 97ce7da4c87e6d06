import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  CreateMatchDocument,
  PersonDetailDocument,
  PersonTrackDocument,
  RecordConsentDocument,
  SuggestionsDocument,
  WithdrawConsentDocument,
} from "../../gql/graphql";
import { today as jstToday } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { renderPage } from "../../ui/test-utils";
import { matchFixture } from "../matching/fixtures";
import { PersonDetailPage } from "./PersonDetailPage";
import { SUGGESTION_COUNT } from "./Suggestions";

afterEach(cleanup);

const consent = (id: string, state: string, purpose: string, extra: Record<string, unknown> = {}) => ({
  __typename: "Consent",
  id,
  state,
  purpose,
  method: "WRITTEN",
  facts: [],
  givenOn: "2026-04-10",
  expiresOn: null,
  withdrawnAt: null,
  withdrawalReason: null,
  note: "",
  organization: null,
  recordedBy: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
  ...extra,
});

const consents = [
  consent("c-3", "WITHDRAWN", "HOST_REFERRAL", {
    facts: ["DISPLAY_NAME", "AREA"],
    withdrawnAt: "2026-10-01T01:00:00.000Z",
    withdrawalReason: "本人から申し出",
    organization: { __typename: "Organization", id: "o-1", name: "社会福祉法人 若葉会" },
  }),
  consent("c-2", "EXPIRED", "HOST_REFERRAL", { facts: ["NEEDS"], expiresOn: "2026-09-30" }),
  consent("c-1", "ACTIVE", "SUPPORT_PLAN"),
];

const person = {
  __typename: "Person",
  id: "p-1",
  displayName: "青木 昭",
  nameKana: "アオキ アキラ",
  stoppedOn: null,
  erasedAt: null,
  track: "CONSENTED",
  ageBand: "AGE_65_74",
  birthYear: 1958,
  registeredOn: "2026-04-01",
  participationLevel: "GOES_OUT",
  contactPreference: "PHONE",
  contactNote: "",
  householdIssues: ["EIGHTY_FIFTY"],
  householdCircumstances: [],
  householdNote: "母と二人暮らし",
  certificates: [],
  area: { __typename: "Area", id: "a-1", name: "みどり野西エリア" },
  coordinator: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
  needs: {
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
  },
  consents,
  supportPlans: [
    {
      __typename: "SupportPlan",
      id: "sp-1",
      planVersion: "NEW",
      status: "AGREED",
      goals: ["週1回外出する"],
      agreedOn: "2026-05-01",
      reviewOn: null,
    },
  ],
  // The card reads the same person's consents (one normalised Person in the cache).
  matches: [
    matchFixture({
      id: "m-9",
      stage: "ACTIVE_FOLLOW_UP",
      resource: "木工クラブ",
      resourceId: "r-9",
      firstStartedOn: "2026-10-01",
      consents,
    }),
  ],
};

const suggestion = (id: string, name: string, score: number, reasons: [string, string, number][]) => ({
  __typename: "Suggestion",
  score,
  isService: false,
  distanceMeters: 400,
  nextSession: { __typename: "Session", date: "2026-11-24", label: "2026年11月24日(火) 10:00〜11:30" },
  reasons: reasons.map(([code, text, points]) => ({ __typename: "SuggestionReason", code, text, points })),
  resource: {
    __typename: "Resource",
    id,
    name,
    kind: "SALON",
    scheduleText: "毎週火曜 10:00〜11:30",
    organization: { __typename: "Organization", id: "o-2", name: "西地区社協" },
  },
});

const suggestionsMock: MockLink.MockedResponse = {
  request: { query: SuggestionsDocument, variables: { personId: "p-1", first: SUGGESTION_COUNT } },
  result: {
    data: {
      suggestResources: {
        __typename: "SuggestionResult",
        degraded: false,
        totalCandidates: 42,
        searchArea: "自宅から半径2km (本人の目安)",
        basisNote: null,
        suggestions: [
          suggestion("r-1", "西みどり野ご近所ささえあい", 70, [
            ["TARGET_GROUP", "対象: 高齢者", 15.7],
            ["SCHEDULE", "火曜午前の開催が本人の希望と一致", 15.7],
          ]),
          suggestion("r-9", "木工クラブ", 55, [
            ["ACTIVITY", "活動: 木工", 20.2],
            ["SCHEDULE_MISMATCH", "夜間のみの開催", -4.5],
          ]),
        ],
        excluded: [
          {
            __typename: "ExcludedResource",
            distanceMeters: 5200,
            reasons: [{ __typename: "ExclusionReason", code: "PAUSED", text: "休止中" }],
            resource: { __typename: "Resource", id: "r-x", name: "奥野サロン", kind: "SALON" },
          },
        ],
      },
    },
  },
  delay: 0,
};

const personMock: MockLink.MockedResponse = {
  request: { query: PersonDetailDocument, variables: { id: "p-1" } },
  result: { data: { person } },
  delay: 0,
};

const createInput = {
  personId: "p-1",
  resourceId: "r-1",
  score: 70,
  rationale: "対象: 高齢者、火曜午前の開催が本人の希望と一致",
};

function renderDetail(mocks: MockLink.MockedResponse[] = []) {
  return renderPage(<PersonDetailPage />, {
    path: "/people/:personId",
    url: "/people/p-1",
    mocks: [personMock, suggestionsMock, ...mocks],
  });
}

const section = (name: string) => screen.getByRole("region", { name });

describe("PersonDetailPage", () => {
  it("shows the profile, every consent with its state in words, plans and matches", async () => {
    renderDetail();
    expect(await screen.findByRole("heading", { level: 1, name: "青木 昭" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "地域資源カードを印刷" }).getAttribute("href")).toBe("/people/p-1/card");

    const profile = within(section("プロフィール"));
    expect(profile.getByText("65〜74歳 1958年生まれ")).toBeTruthy();
    expect(profile.getByText("外出できる")).toBeTruthy();
    expect(profile.getByText("8050 / 母と二人暮らし")).toBeTruthy();
    expect(profile.getByText("囲碁、木工")).toBeTruthy();
    expect(profile.getByText("火曜、水曜")).toBeTruthy();
    expect(profile.getByText("2.0km")).toBeTruthy();

    const consents = within(section("同意"));
    const withdrawn = consents.getByRole("article", { name: "受け入れ先への紹介 ・ 2026年4月10日(金) 撤回" });
    expect(consents.getAllByRole("article")).toHaveLength(3);
    expect(within(withdrawn).getByText("撤回")).toBeTruthy();
    expect(within(withdrawn).getByText("お名前、お住まいの地区")).toBeTruthy();
    expect(within(withdrawn).getByText("社会福祉法人 若葉会")).toBeTruthy();
    expect(within(withdrawn).getByText("本人から申し出")).toBeTruthy();
    expect(consents.getByText("期限切れ")).toBeTruthy();
    expect(consents.getByText("有効")).toBeTruthy();

    expect(within(section("支援プラン")).getByText("週1回外出する")).toBeTruthy();
    const matches = within(section("マッチング"));
    const started = matches.getByRole("article", { name: "青木 昭 — 木工クラブ" });
    expect(within(started).getByRole("link", { name: "マッチングを開く" }).getAttribute("href")).toBe(
      "/matches?focus=m-9",
    );
  });

  it("lists suggestions with each reason's points, and resources left out under a disclosure", async () => {
    renderDetail();
    const suggestions = within(await screen.findByRole("region", { name: "おすすめの資源" }));
    expect(await suggestions.findByText("42件を検討し、2件を提案しています")).toBeTruthy();

    const first = suggestions.getByRole("article", { name: "西みどり野ご近所ささえあい" });
    expect(within(first).getByText("70点")).toBeTruthy();
    expect(within(first).getByText("火曜午前の開催が本人の希望と一致").parentElement?.textContent).toContain("+15.7点");
    expect(within(first).getByRole("button", { name: "この資源を提案" })).toBeTruthy();

    const matched = suggestions.getByRole("article", { name: "木工クラブ" });
    expect(within(matched).getByText("夜間のみの開催").parentElement?.textContent).toContain("−4.5点");
    expect(within(matched).queryByRole("button", { name: "この資源を提案" })).toBeNull();
    expect(within(matched).getByText("マッチング中 (参加開始(フォローアップ中))")).toBeTruthy();

    const excluded = screen.getByText("提案から外した資源 (1件)").closest("details")!;
    expect(excluded.open).toBe(false);
    expect(within(excluded).getByText("休止中")).toBeTruthy();
  });

  it("shows services apart from places to go, the area searched and what an empty needs form was ranked on", async () => {
    const pantry = {
      ...suggestion("r-5", "フードパントリーみなみ", 40, [["FREE", "無料", 20]]),
      isService: true,
      resource: { ...suggestion("r-5", "フードパントリーみなみ", 40, []).resource, kind: "FOOD_PANTRY" },
    };
    const mock: MockLink.MockedResponse = {
      ...suggestionsMock,
      result: {
        data: {
          suggestResources: {
            __typename: "SuggestionResult",
            degraded: false,
            totalCandidates: 12,
            searchArea: "自宅から半径3km (移動手段未確認のため)",
            basisNote: "本人の希望が未記入のため、年齢・参加の段階・自宅からの距離から提案しています",
            suggestions: [
              pantry,
              suggestion("r-1", "西みどり野ご近所ささえあい", 70, [["TARGET_GROUP", "対象: 高齢者", 15.7]]),
            ],
            excluded: [],
          },
        },
      },
    };
    renderPage(<PersonDetailPage />, { path: "/people/:personId", url: "/people/p-1", mocks: [personMock, mock] });
    const suggestions = within(await screen.findByRole("region", { name: "おすすめの資源" }));
    expect(await suggestions.findByText("探した範囲: 自宅から半径3km (移動手段未確認のため)")).toBeTruthy();
    expect(
      suggestions.getByText("本人の希望が未記入のため、年齢・参加の段階・自宅からの距離から提案しています"),
    ).toBeTruthy();
    const places = suggestions.getByRole("list", { name: "通う場・参加する場" });
    const services = suggestions.getByRole("list", { name: "受けられる支援・サービス" });
    expect(within(places).getByRole("article", { name: "西みどり野ご近所ささえあい" })).toBeTruthy();
    expect(within(places).queryByRole("article", { name: "フードパントリーみなみ" })).toBeNull();
    expect(within(services).getByRole("article", { name: "フードパントリーみなみ" })).toBeTruthy();
  });

  it("「この資源を提案」 starts a match as 候補 and shows it under マッチング", async () => {
    renderDetail([
      {
        request: { query: CreateMatchDocument, variables: { input: createInput } },
        result: {
          data: {
            createMatch: {
              __typename: "MatchPayload",
              match: matchFixture({
                id: "m-new",
                stage: "CANDIDATE",
                resource: "西みどり野ご近所ささえあい",
                resourceId: "r-1",
                enteredDaysAgo: 0,
                consents,
                moves: [{ to: "HOST_COORDINATION", hostConsentRequired: true }],
              }),
            },
          },
        },
        delay: 0,
      },
    ]);
    const first = await screen.findByRole("article", { name: "西みどり野ご近所ささえあい" });
    fireEvent.click(within(first).getByRole("button", { name: "この資源を提案" }));

    const card = await within(section("マッチング")).findByRole("article", {
      name: "青木 昭 — 西みどり野ご近所ささえあい",
    });
    expect(within(card).getByText("候補")).toBeTruthy();
    expect(within(card).getByRole("button", { name: "受け入れ先調整" })).toBeTruthy();
    await waitFor(() => expect(within(first).getByText("マッチング中 (候補)")).toBeTruthy());
    expect(await screen.findByText("「西みどり野ご近所ささえあい」を候補としてマッチングに加えました")).toBeTruthy();
  });

  it("shows the server's refusal next to the button", async () => {
    renderDetail([
      {
        request: { query: CreateMatchDocument, variables: { input: createInput } },
        result: {
          errors: [
            new GraphQLError(
              "この市では、合意済の支援プランがないとマッチングできません。先に支援プランを作成してください",
              { extensions: { code: "CONFLICT" } },
            ),
          ],
        },
        delay: 0,
      },
    ]);
    const first = await screen.findByRole("article", { name: "西みどり野ご近所ささえあい" });
    fireEvent.click(within(first).getByRole("button", { name: "この資源を提案" }));
    expect((await within(first).findByRole("alert")).textContent).toContain(
      "合意済の支援プランがないとマッチングできません",
    );
  });

  it("says the person cannot be shown when the server answers NOT_FOUND", async () => {
    renderPage(<PersonDetailPage />, {
      path: "/people/:personId",
      url: "/people/p-1",
      mocks: [
        {
          request: { query: PersonDetailDocument, variables: { id: "p-1" } },
          result: { errors: [new GraphQLError("本人が見つかりません", { extensions: { code: "NOT_FOUND" } })] },
          delay: 0,
        },
      ],
    });
    expect((await screen.findByRole("alert")).textContent).toContain(
      "この本人は見つからないか、見る権限がありません。",
    );
  });
});

describe("PersonDetailPage consent records", () => {
  it("records a referral consent for one of the person's hosts and lists it as 有効", async () => {
    const recorded = {
      __typename: "Consent",
      id: "c-new",
      state: "ACTIVE",
      purpose: "HOST_REFERRAL",
      method: "VERBAL",
      facts: ["DISPLAY_NAME", "NEEDS"],
      givenOn: "2026-11-20",
      expiresOn: null,
      withdrawnAt: null,
      withdrawalReason: null,
      note: "",
      organization: { __typename: "Organization", id: "o-1", name: "社会福祉法人 若葉会" },
      recordedBy: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
    };
    renderDetail([
      {
        request: {
          query: RecordConsentDocument,
          variables: {
            input: {
              personId: "p-1",
              purpose: "HOST_REFERRAL",
              method: "VERBAL",
              givenOn: "2026-11-20",
              note: "",
              facts: ["DISPLAY_NAME", "NEEDS"],
              organizationId: "o-1",
              expiresOn: null,
            },
          },
        },
        result: { data: { recordConsent: { __typename: "ConsentPayload", consent: recorded } } },
        delay: 0,
      },
      // The person's track is read again after a consent.
      {
        request: { query: PersonTrackDocument, variables: { id: "p-1" } },
        result: { data: { person: { __typename: "Person", id: "p-1", track: "CONSENTED" } } },
        delay: 0,
      },
    ]);
    const consents = within(await screen.findByRole("region", { name: "同意" }));
    fireEvent.click(consents.getByRole("button", { name: "同意を記録" }));
    const form = within(consents.getByRole("form", { name: "同意を記録する" }));
    expect(form.getByRole<HTMLInputElement>("checkbox", { name: "お名前" }).checked).toBe(true);
    fireEvent.change(form.getByRole("combobox", { name: "紹介先" }), { target: { value: "o-1" } });
    fireEvent.click(form.getByRole("button", { name: "同意を記録する" }));
    expect(form.getByText("同意の取り方を選んでください")).toBeTruthy();

    fireEvent.change(form.getByRole("combobox", { name: "同意の取り方" }), { target: { value: "VERBAL" } });
    fireEvent.change(form.getByLabelText(/^同意を得た日/), { target: { value: "2026-11-20" } });
    fireEvent.click(form.getByRole("button", { name: "同意を記録する" }));

    expect(await screen.findByText("同意を記録しました")).toBeTruthy();
    const added = consents.getByRole("article", { name: "受け入れ先への紹介 ・ 2026年11月20日(金) 有効" });
    expect(within(added).getByText("社会福祉法人 若葉会")).toBeTruthy();
    expect(consents.getAllByRole("article")[0]).toBe(added); // newest 同意日 first
  });

  it("says 受け入れ先調整 needs consent on a 候補 card until a consent for that host is recorded", async () => {
    const candidate = matchFixture({
      id: "m-c",
      stage: "CANDIDATE",
      resource: "ひだまりサロン",
      resourceId: "r-5",
      consents,
      moves: [{ to: "HOST_COORDINATION", hostConsentRequired: true }],
    });
    const today = jstToday();
    const recorded = {
      __typename: "Consent",
      id: "c-new",
      state: "ACTIVE",
      purpose: "HOST_REFERRAL",
      method: "VERBAL",
      facts: ["DISPLAY_NAME"],
      givenOn: today,
      expiresOn: null,
      withdrawnAt: null,
      withdrawalReason: null,
      note: "",
      organization: { __typename: "Organization", id: "o-1", name: "社会福祉法人 若葉会" },
      recordedBy: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
    };
    renderPage(<PersonDetailPage />, {
      path: "/people/:personId",
      url: "/people/p-1",
      mocks: [
        { ...personMock, result: { data: { person: { ...person, matches: [candidate] } } } },
        suggestionsMock,
        {
          request: {
            query: RecordConsentDocument,
            variables: {
              input: {
                personId: "p-1",
                purpose: "HOST_REFERRAL",
                method: "VERBAL",
                givenOn: today,
                note: "",
                facts: ["DISPLAY_NAME", "NEEDS"],
                organizationId: "o-1",
                expiresOn: null,
              },
            },
          },
          result: { data: { recordConsent: { __typename: "ConsentPayload", consent: recorded } } },
          delay: 0,
        },
        {
          request: { query: PersonTrackDocument, variables: { id: "p-1" } },
          result: { data: { person: { __typename: "Person", id: "p-1", track: "CONSENTED" } } },
          delay: 0,
        },
      ],
    });
    // Withdrawn (c-3), expired (c-2) and a support-plan consent (c-1) cover no host.
    const card = await within(await screen.findByRole("region", { name: "マッチング" })).findByRole("article", {
      name: "青木 昭 — ひだまりサロン",
    });
    expect(
      within(card).getByText(/「受け入れ先調整」には、この受け入れ先への紹介についての本人同意が必要です/),
    ).toBeTruthy();

    const consentSection = within(section("同意"));
    fireEvent.click(consentSection.getByRole("button", { name: "同意を記録" }));
    const form = within(consentSection.getByRole("form", { name: "同意を記録する" }));
    fireEvent.change(form.getByRole("combobox", { name: "紹介先" }), { target: { value: "o-1" } });
    fireEvent.change(form.getByRole("combobox", { name: "同意の取り方" }), { target: { value: "VERBAL" } });
    fireEvent.change(form.getByLabelText(/^同意を得た日/), { target: { value: today } });
    fireEvent.click(form.getByRole("button", { name: "同意を記録する" }));

    expect(await screen.findByText("同意を記録しました")).toBeTruthy();
    await waitFor(() => expect(within(card).queryByText(/本人同意が必要です/)).toBeNull());
    expect(within(card).getByRole("button", { name: "受け入れ先調整" }).getAttribute("aria-describedby")).toBeNull();
  });

  const withdrawal = (reason: string) => ({
    request: { query: WithdrawConsentDocument, variables: { input: { consentId: "c-1", reason } } },
    result: {
      data: {
        withdrawConsent: {
          __typename: "ConsentPayload",
          consent: {
            ...person.consents[2],
            state: "WITHDRAWN",
            withdrawnAt: "2026-11-22T01:00:00.000Z",
            withdrawalReason: reason,
          },
        },
      },
    },
    delay: 0,
  });

  it("withdrawing the last consent of a person no longer visible goes back to 本人一覧 and says why", async () => {
    const { router } = renderPage(<PersonDetailPage />, {
      path: "/people/:personId",
      url: "/people/p-1",
      mocks: [
        personMock,
        suggestionsMock,
        withdrawal("本人から申し出"),
        {
          request: { query: PersonTrackDocument, variables: { id: "p-1" } },
          result: { errors: [new GraphQLError("本人が見つかりません", { extensions: { code: "NOT_FOUND" } })] },
          delay: 0,
        },
      ],
      otherRoutes: [{ path: "/people", element: <FlashProbe /> }],
    });
    const active = await screen.findByRole("article", { name: "支援プランの作成 ・ 2026年4月10日(金) 有効" });
    fireEvent.click(within(active).getByRole("button", { name: "撤回を記録" }));
    fireEvent.change(within(active).getByRole("textbox", { name: "撤回の理由・経緯" }), {
      target: { value: "本人から申し出" },
    });
    fireEvent.click(within(active).getByRole("button", { name: "撤回を記録する" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/people"));
    expect((await screen.findByRole("status")).textContent).toBe(
      "青木 昭 さんの同意の撤回を記録しました。有効な同意も支援会議での共有もないため、この方の記録は表示されなくなりました。",
    );
  });

  it("records a withdrawal with its reason", async () => {
    renderDetail([
      withdrawal("本人から電話で申し出"),
      {
        // Still visible afterwards (say, through a 支援会議): the page stays and confirms.
        request: { query: PersonTrackDocument, variables: { id: "p-1" } },
        result: { data: { person: { __typename: "Person", id: "p-1", track: "SUPPORT_MEETING" } } },
        delay: 0,
      },
    ]);
    const active = await screen.findByRole("article", { name: "支援プランの作成 ・ 2026年4月10日(金) 有効" });
    fireEvent.click(within(active).getByRole("button", { name: "撤回を記録" }));
    // c-1 is the only consent in force: the form says what withdrawing it means before anything is sent.
    expect(
      within(active).getByText(/有効な同意はこれだけです。撤回すると、この方が支援会議の対象でない限り/),
    ).toBeTruthy();
    fireEvent.change(within(active).getByRole("textbox", { name: "撤回の理由・経緯" }), {
      target: { value: " 本人から電話で申し出 " },
    });
    fireEvent.click(within(active).getByRole("button", { name: "撤回を記録する" }));
    expect(await screen.findByRole("article", { name: "支援プランの作成 ・ 2026年4月10日(金) 撤回" })).toBeTruthy();
    expect(screen.getByText("本人から電話で申し出")).toBeTruthy();
  });
});

/** Stands in for 本人一覧: shows the confirmation the previous page handed over. */
function FlashProbe() {
  return <FlashStatus />;
}
