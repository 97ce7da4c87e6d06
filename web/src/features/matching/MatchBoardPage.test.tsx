import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { MatchBoardDocument, TransitionMatchDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ENDED_STAGES, OPEN_STAGES } from "./board-model";
import { consentFixture, daysFromToday, matchFixture, type MatchFixture } from "./fixtures";
import { BOARD_PAGE_SIZE, MatchBoardPage } from "./MatchBoardPage";

afterEach(cleanup);

const candidate = matchFixture({
  id: "m-1",
  stage: "CANDIDATE",
  person: "青木 昭",
  resource: "ひだまりサロン",
  moves: [
    { to: "HOST_COORDINATION", hostConsentRequired: true },
    { to: "NOT_A_FIT", reasonRequired: true },
  ],
});
const participating = matchFixture({
  id: "m-2",
  stage: "ACTIVE_FOLLOW_UP",
  person: "葵さん",
  personId: "p-2",
  resource: "子ども食堂 さくらんぼ",
  enteredDaysAgo: 40,
  firstStartedOn: daysFromToday(-40),
  dues: [
    { id: "d-1", dueOn: daysFromToday(-19) },
    { id: "d-2", dueOn: daysFromToday(10) },
  ],
  moves: [
    { to: "STABLE", outcomeRequired: true },
    { to: "SUSPENDED", reasonRequired: true },
  ],
});

function boardMock(matches: MatchFixture[], mine = false, stages = OPEN_STAGES): MockLink.MockedResponse {
  return {
    request: { query: MatchBoardDocument, variables: { first: BOARD_PAGE_SIZE, mine, stages } },
    result: {
      data: {
        matches: {
          __typename: "MatchConnection",
          totalCount: matches.length,
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
          edges: matches.map((node) => ({ __typename: "MatchEdge", cursor: `c-${node.id}`, node })),
        },
      },
    },
    delay: 0,
  };
}

function moveMock(input: Record<string, unknown>, result: MockLink.MockedResponse["result"]): MockLink.MockedResponse {
  return { request: { query: TransitionMatchDocument, variables: { input } }, result, delay: 0 };
}

const moved = (match: MatchFixture) => ({
  data: {
    transitionMatch: {
      __typename: "MatchPayload",
      match: { ...match, person: { ...match.person, participationLevel: "GOES_OUT" } },
    },
  },
});

const stage = (label: string) => screen.getByRole("region", { name: label });
const card = (name: string) => screen.getByRole("article", { name });

describe("MatchBoardPage", () => {
  it("shows one region per stage, each card with its days in stage, next follow-up and the server's moves", async () => {
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [boardMock([candidate, participating])],
    });

    expect(await screen.findByRole("heading", { level: 1, name: "マッチング" })).toBeTruthy();
    expect(await screen.findByText("全 2 件")).toBeTruthy();
    for (const label of [
      "候補",
      "受け入れ先調整",
      "本人へ提案",
      "見学・体験",
      "参加開始(フォローアップ中)",
      "定着",
      "終結",
      "終結後フォロー",
      "保留(同意待ち)",
      "中断",
    ]) {
      expect(stage(label)).toBeTruthy();
    }
    expect(screen.queryByRole("region", { name: "不成立" })).toBeNull(); // dead ends only on request

    const first = within(stage("候補")).getByRole("article", { name: "青木 昭 — ひだまりサロン" });
    expect(within(first).getByText("この段階で 3日")).toBeTruthy();
    expect(within(first).getByRole("button", { name: "受け入れ先調整" })).toBeTruthy();
    expect(within(first).getByRole("button", { name: "不成立" })).toBeTruthy();
    expect(
      within(first).getByText(/「受け入れ先調整」には、この受け入れ先への紹介についての本人同意が必要です/),
    ).toBeTruthy();
    expect(within(first).queryByRole("link", { name: "フォローアップを記録" })).toBeNull();

    const second = within(stage("参加開始(フォローアップ中)")).getByRole("article", {
      name: "葵さん — 子ども食堂 さくらんぼ",
    });
    expect(within(second).getByText("フォローアップ期限切れ")).toBeTruthy();
    expect(within(second).getByText("(19日超過)")).toBeTruthy();
    const record = within(second).getByRole("link", { name: "フォローアップを記録" });
    expect(record.getAttribute("href")).toBe("/matches/m-2/follow-up?from=%2Fmatches&due=d-1");
  });

  it("says a move needs the person's consent only while no consent in force covers this host (o-1)", async () => {
    const toHost = [{ to: "HOST_COORDINATION" as const, hostConsentRequired: true }];
    const cases: [string, ReturnType<typeof consentFixture>[], boolean][] = [
      ["any host", [consentFixture("c-1")], false],
      ["this host", [consentFixture("c-2", { organizationId: "o-1" })], false],
      ["expires today", [consentFixture("c-3", { expiresOn: daysFromToday(0) })], false],
      ["another host", [consentFixture("c-4", { organizationId: "o-2" })], true],
      ["expired yesterday", [consentFixture("c-5", { expiresOn: daysFromToday(-1) })], true],
      ["withdrawn", [consentFixture("c-6", { withdrawnAt: "2026-11-01T01:00:00.000Z" })], true],
      ["given tomorrow", [consentFixture("c-7", { givenOn: daysFromToday(1) })], true],
      ["support plan only", [consentFixture("c-8", { purpose: "SUPPORT_PLAN" })], true],
      ["none", [], true],
    ];
    const matches = cases.map(([name, consents], i) =>
      matchFixture({
        id: `m-${i}`,
        stage: "CANDIDATE",
        person: name,
        personId: `p-${i}`,
        resource: "ひだまりサロン",
        consents,
        moves: toHost,
      }),
    );
    renderPage(<MatchBoardPage />, { path: "/matches", url: "/matches", mocks: [boardMock(matches)] });
    await screen.findByText(`全 ${cases.length} 件`);

    for (const [name, , hinted] of cases) {
      const c = within(card(`${name} — ひだまりサロン`));
      const button = c.getByRole("button", { name: "受け入れ先調整" });
      const hint = c.queryByText(/「受け入れ先調整」には、この受け入れ先への紹介についての本人同意が必要です/);
      expect({ name, hinted: hint !== null }).toEqual({ name, hinted });
      expect(button.getAttribute("aria-describedby")).toBe(hinted ? hint!.id : null);
    }
  });

  it("moves a card at once when the server needs nothing more, and says so", async () => {
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [
        boardMock([candidate]),
        moveMock(
          { matchId: "m-1", to: "HOST_COORDINATION", expectedVersion: 1 },
          moved(
            matchFixture({
              id: "m-1",
              stage: "HOST_COORDINATION",
              version: 2,
              enteredDaysAgo: 0,
              moves: [{ to: "PROPOSED" }],
            }),
          ),
        ),
      ],
    });
    fireEvent.click(
      await within(await screen.findByRole("article", { name: "青木 昭 — ひだまりサロン" })).findByRole("button", {
        name: "受け入れ先調整",
      }),
    );

    await waitFor(() =>
      expect(within(stage("受け入れ先調整")).getByRole("article", { name: "青木 昭 — ひだまりサロン" })).toBeTruthy(),
    );
    expect(within(stage("候補")).queryByRole("article")).toBeNull();
    expect(within(card("青木 昭 — ひだまりサロン")).getByText("今日からこの段階")).toBeTruthy();
    // The confirmation follows the mutation's answer, a moment after the cache has moved the card.
    expect((await screen.findByText("青木 昭のマッチングを「受け入れ先調整」にしました")).getAttribute("role")).toBe(
      "status",
    );
  });

  it("shows the server's refusal (no consent for this host) beside the buttons", async () => {
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [
        boardMock([candidate]),
        moveMock(
          { matchId: "m-1", to: "HOST_COORDINATION", expectedVersion: 1 },
          {
            errors: [
              new GraphQLError(
                "この受け入れ先への紹介について本人の同意がありません。同意を記録してから受け入れ先に連絡してください",
                { extensions: { code: "CONFLICT" } },
              ),
            ],
          },
        ),
      ],
    });
    const first = await screen.findByRole("article", { name: "青木 昭 — ひだまりサロン" });
    fireEvent.click(within(first).getByRole("button", { name: "受け入れ先調整" }));
    const alert = await within(first).findByRole("alert");
    expect(alert.textContent).toContain("本人の同意がありません");
    expect(within(stage("候補")).getByRole("article", { name: "青木 昭 — ひだまりサロン" })).toBeTruthy();
  });

  it("asks for the reason in a dialog when the server needs one, with its messages beside the field", async () => {
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [
        boardMock([candidate]),
        moveMock(
          { matchId: "m-1", to: "NOT_A_FIT", expectedVersion: 1 },
          {
            errors: [
              new GraphQLError("入力内容を確認してください", {
                extensions: {
                  code: "BAD_USER_INPUT",
                  fields: [{ field: "input.reason", messages: ["「不成立」にする理由を入力してください"] }],
                },
              }),
            ],
          },
        ),
        moveMock(
          { matchId: "m-1", to: "NOT_A_FIT", expectedVersion: 1, reason: "本人の希望する曜日に開催がない" },
          moved(matchFixture({ id: "m-1", stage: "NOT_A_FIT", version: 2 })),
        ),
      ],
    });
    fireEvent.click(
      within(await screen.findByRole("article", { name: "青木 昭 — ひだまりサロン" })).getByRole("button", {
        name: "不成立",
      }),
    );

    const dialog = await screen.findByRole("dialog", { name: "「不成立」に移動" });
    fireEvent.click(within(dialog).getByRole("button", { name: "移動する" }));
    expect(await within(dialog).findByText("「不成立」にする理由を入力してください")).toBeTruthy();
    expect(within(dialog).getByRole("alert").textContent).toBe("入力内容を確認してください");

    fireEvent.change(within(dialog).getByRole("textbox", { name: "理由" }), {
      target: { value: " 本人の希望する曜日に開催がない " },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "移動する" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // 不成立 is a dead end: the card leaves the open board.
    expect(within(stage("候補")).queryByRole("article")).toBeNull();
  });

  it("asks for the final observation before 定着, and sends it", async () => {
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [
        boardMock([participating]),
        moveMock(
          {
            matchId: "m-2",
            to: "STABLE",
            expectedVersion: 1,
            outcome: {
              method: "INTERVIEW",
              counterparts: ["PERSON"],
              changeObserved: true,
              changeType: "BEHAVIOUR",
              changeCategories: ["TRAVELS_ALONE"],
              narrative: "一人で通えている",
              relationshipStability: "STABLE",
              participationLevel: null,
            },
          },
          moved(
            matchFixture({
              id: "m-2",
              stage: "STABLE",
              person: "葵さん",
              personId: "p-2",
              resource: "子ども食堂 さくらんぼ",
              version: 2,
            }),
          ),
        ),
      ],
    });
    fireEvent.click(
      within(await screen.findByRole("article", { name: "葵さん — 子ども食堂 さくらんぼ" })).getByRole("button", {
        name: "定着",
      }),
    );
    const dialog = await screen.findByRole("dialog", { name: "「定着」に移動" });

    fireEvent.click(within(dialog).getByRole("button", { name: "移動する" }));
    expect(within(dialog).getByText("本人と受け入れ先の関係性を選んでください")).toBeTruthy();
    expect(within(dialog).getByText("評価の内容を入力してください")).toBeTruthy();

    fireEvent.click(within(dialog).getByRole("radio", { name: "安定" }));
    fireEvent.click(within(dialog).getByRole("radio", { name: "変化あり" }));
    fireEvent.click(within(dialog).getByRole("radio", { name: "行動" }));
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "一人で通えるようになった" }));
    fireEvent.change(within(dialog).getByRole("textbox", { name: "評価の内容" }), {
      target: { value: "一人で通えている" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "移動する" }));

    await waitFor(() =>
      expect(within(stage("定着")).getByRole("article", { name: "葵さん — 子ども食堂 さくらんぼ" })).toBeTruthy(),
    );
  });

  it("keeps 「自分の担当のみ」 in the URL and asks the server for the viewer's own matches", async () => {
    const { router, sent } = renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches",
      mocks: [boardMock([candidate, participating]), boardMock([candidate], true)],
    });
    await screen.findByText("全 2 件");
    fireEvent.click(screen.getByRole("checkbox", { name: "自分の担当のみ" }));
    expect(await screen.findByText("全 1 件")).toBeTruthy();
    expect(router.state.location.search).toBe("?mine=1");
    expect(sent.map((s) => s.variables.mine)).toEqual([false, true]);
  });

  it("shows the dead-end stages on request (?ended=1), and brings a focused card into view", async () => {
    const declined = matchFixture({
      id: "m-3",
      stage: "PERSON_DECLINED",
      person: "Oさん (20代女性)",
      resource: "まちかどカフェ",
    });
    renderPage(<MatchBoardPage />, {
      path: "/matches",
      url: "/matches?focus=m-3&ended=1",
      mocks: [boardMock([candidate]), boardMock([declined], false, ENDED_STAGES)],
    });
    const card = await within(await screen.findByRole("region", { name: "本人辞退" })).findByRole("article", {
      name: "Oさん (20代女性) — まちかどカフェ",
    });
    expect(document.activeElement).toBe(card);
    expect(screen.getByRole("checkbox", { name: "辞退・不成立になったマッチングを表示" })).toHaveProperty(
      "checked",
      true,
    );
    expect(await screen.findByText("全 2 件")).toBeTruthy();
  });
});
