import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { FollowUpFormDocument, MatchFollowUpDuesDocument, RecordFollowUpDocument } from "../../gql/graphql";
import { today } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { renderPage } from "../../ui/test-utils";
import { daysFromToday } from "../matching/fixtures";
import { FollowUpFormPage, backPath } from "./FollowUpFormPage";

afterEach(cleanup);

const due = (id: string, dueOn: string, kind: string, status = "PLANNED") => ({
  __typename: "FollowUpDue",
  id,
  dueOn,
  kind,
  status,
});

const formMock: MockLink.MockedResponse = {
  request: { query: FollowUpFormDocument, variables: { id: "m-2" } },
  result: {
    data: {
      match: {
        __typename: "Match",
        id: "m-2",
        stageLabel: "参加開始(フォローアップ中)",
        person: { __typename: "Person", id: "p-2", displayName: "葵さん", participationLevel: "JOINS_PLACE" },
        resource: { __typename: "Resource", id: "r-2", name: "子ども食堂 さくらんぼ" },
        followUpDues: [
          due("d-0", daysFromToday(-40), "FIRST_CHECK", "DONE"),
          due("d-1", daysFromToday(-19), "MONTHLY"),
        ],
        followUps: [
          {
            __typename: "FollowUpRecord",
            id: "f-0",
            contactedOn: daysFromToday(-40),
            method: "PHONE",
            counterparts: ["PERSON"],
            changeObserved: false,
            narrative: "初回の様子を電話で確認",
            isOutcomeEvaluation: false,
            recordedBy: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
          },
        ],
      },
    },
  },
  delay: 0,
};

const baseInput = {
  matchId: "m-2",
  dueId: "d-1",
  contactedOn: today(),
  method: "VISIT",
  counterparts: ["PERSON"],
  sessionsPlanned: null,
  sessionsAttended: null,
  participationLevel: null,
  changeObserved: false,
  changeType: null,
  changeCategories: [],
  narrative: "",
  relationshipStability: null,
  hostFeedback: "",
  hostGuidance: "",
  nextDueOn: null,
};

const savedRecord = (participationLevel: string | null) => ({
  data: {
    recordFollowUp: {
      __typename: "FollowUpPayload",
      followUp: {
        __typename: "FollowUpRecord",
        id: "f-1",
        participationLevel,
        contactedOn: today(),
        method: "VISIT",
        counterparts: ["PERSON"],
        changeObserved: true,
        narrative: "毎回参加している",
        isOutcomeEvaluation: false,
        recordedBy: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
      },
    },
  },
});

const duesAfter: MockLink.MockedResponse = {
  request: { query: MatchFollowUpDuesDocument, variables: { id: "m-2" } },
  result: {
    data: {
      match: {
        __typename: "Match",
        id: "m-2",
        followUpDues: [due("d-1", daysFromToday(-19), "MONTHLY", "DONE"), due("d-9", daysFromToday(14), "AD_HOC")],
      },
    },
  },
  delay: 0,
};

function renderForm(mocks: MockLink.MockedResponse[]) {
  return renderPage(<FollowUpFormPage />, {
    path: "/matches/:matchId/follow-up",
    url: "/matches/m-2/follow-up?from=%2Ftoday&due=d-1",
    mocks: [formMock, ...mocks],
    otherRoutes: [
      {
        path: "/today",
        element: (
          <>
            <h1>今日・今週のフォローアップ</h1>
            <FlashStatus />
          </>
        ),
      },
    ],
  });
}

describe("FollowUpFormPage", () => {
  it("shows whom it is about, the planned visit it answers and the last records", async () => {
    renderForm([]);
    expect(await screen.findByRole("heading", { level: 1, name: "フォローアップ記録" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "葵さん" })).toBeTruthy();
    const dueSelect = screen.getByRole<HTMLSelectElement>("combobox", { name: "どの予定の実施か" });
    expect(dueSelect.value).toBe("d-1");
    expect(dueSelect.options).toHaveLength(2); // 自動 + the one still planned
    expect(screen.getByLabelText<HTMLInputElement>(/^実施日/).value).toBe(today());
    expect(screen.getByText("今: 場に参加")).toBeTruthy();
    expect(screen.getByText("初回の様子を電話で確認")).toBeTruthy();
    // 変化の種類 and 内容 appear only once a change is seen.
    expect(screen.queryByRole("group", { name: "変化の内容" })).toBeNull();
  });

  it("asks for the missing choices beside their fields, sending nothing", async () => {
    const { sent } = renderForm([]);
    fireEvent.click(await screen.findByRole("button", { name: "記録する" }));
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください。");
    expect(within(screen.getByRole("group", { name: "方法" })).getByText("方法を選んでください")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "変化" })).getByText("変化の有無を選んでください")).toBeTruthy();
    expect(sent.map((s) => s.operationName)).toEqual(["FollowUpForm"]);
  });

  it("records every field and goes back with a confirmation", async () => {
    const { router } = renderForm([
      {
        request: {
          query: RecordFollowUpDocument,
          variables: {
            input: {
              ...baseInput,
              counterparts: ["PERSON", "HOST"],
              sessionsPlanned: 4,
              sessionsAttended: 4,
              participationLevel: "REGULAR",
              changeObserved: true,
              changeType: "BOTH",
              changeCategories: ["WANTS_TO_CONTINUE", "NEW_RELATIONSHIP"],
              narrative: "毎回参加している",
              relationshipStability: "PARTLY",
              hostFeedback: "配膳を手伝ってくれる",
              hostGuidance: "声かけの仕方を共有",
              nextDueOn: daysFromToday(14),
            },
          },
        },
        result: savedRecord("REGULAR"),
        delay: 0,
      },
      duesAfter,
    ]);
    await screen.findByRole("heading", { level: 1, name: "フォローアップ記録" });
    fireEvent.click(screen.getByRole("radio", { name: "訪問" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "受け入れ先" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "開催回数" }), { target: { value: "4" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "参加した回数" }), { target: { value: "4" } });
    fireEvent.change(screen.getByRole("combobox", { name: "参加の段階" }), { target: { value: "REGULAR" } });
    fireEvent.click(screen.getByRole("radio", { name: "変化あり" }));
    fireEvent.click(screen.getByRole("radio", { name: "行動と気持ち" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "また参加したいと言う" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "新しい人間関係ができた" }));
    fireEvent.change(screen.getByRole("textbox", { name: "様子・変化の記録" }), {
      target: { value: "毎回参加している" },
    });
    fireEvent.click(screen.getByRole("radio", { name: "一部安定" }));
    fireEvent.change(screen.getByRole("textbox", { name: "受け入れ先からの声" }), {
      target: { value: "配膳を手伝ってくれる" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "受け入れ先への助言 (受け入れ先支援)" }), {
      target: { value: "声かけの仕方を共有" },
    });
    fireEvent.change(screen.getByLabelText("次回予定日"), { target: { value: daysFromToday(14) } });
    fireEvent.click(screen.getByRole("button", { name: "記録する" }));

    expect((await screen.findByRole("status")).textContent).toBe("フォローアップを記録しました");
    expect(router.state.location.pathname).toBe("/today");
  });

  it("shows the server's message for a field beside that field", async () => {
    renderForm([
      {
        request: { query: RecordFollowUpDocument, variables: { input: { ...baseInput, nextDueOn: today() } } },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.nextDueOn", messages: ["次回予定日は実施日より後にしてください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    await screen.findByRole("heading", { level: 1, name: "フォローアップ記録" });
    fireEvent.click(screen.getByRole("radio", { name: "訪問" }));
    fireEvent.click(screen.getByRole("radio", { name: "変化なし" }));
    fireEvent.change(screen.getByLabelText("次回予定日"), { target: { value: today() } });
    fireEvent.click(screen.getByRole("button", { name: "記録する" }));

    expect(await screen.findByText("次回予定日は実施日より後にしてください")).toBeTruthy();
    const next = screen.getByLabelText("次回予定日");
    expect(next.getAttribute("aria-invalid")).toBe("true");
    expect(next.getAttribute("aria-describedby")).toContain(
      screen.getByText("次回予定日は実施日より後にしてください").closest("ul")!.id,
    );
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
  });
});

describe("backPath", () => {
  it("returns only to a page of this app", () => {
    expect(backPath("/today")).toBe("/today");
    expect(backPath("/people/p-1?x=1")).toBe("/people/p-1?x=1");
    expect(backPath("//evil.example/")).toBe("/matches");
    expect(backPath("https://evil.example/")).toBe("/matches");
    expect(backPath(null)).toBe("/matches");
  });
});
