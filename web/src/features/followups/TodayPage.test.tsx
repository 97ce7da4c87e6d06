import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { MyFollowUpsDueDocument } from "../../gql/graphql";
import { today } from "@tsunagu/calendar";
import { renderPage } from "../../ui/test-utils";
import { daysFromToday } from "../matching/fixtures";
import { TodayPage } from "./TodayPage";
import { withinDaysForThisWeek } from "./today-model";

afterEach(cleanup);

const item = (id: string, state: string, dueOn: string, daysOverdue: number, person: string) => ({
  __typename: "DueFollowUp",
  state,
  daysOverdue,
  due: { __typename: "FollowUpDue", id: `d-${id}`, dueOn, kind: "MONTHLY" },
  match: {
    __typename: "Match",
    id: `m-${id}`,
    stageLabel: "参加開始(フォローアップ中)",
    person: { __typename: "Person", id: `p-${id}`, displayName: person },
    resource: { __typename: "Resource", id: `r-${id}`, name: "ひだまりサロン" },
  },
});

describe("TodayPage", () => {
  it("lists overdue, today's and this week's follow-ups, each with a link to record it", async () => {
    const withinDays = withinDaysForThisWeek(today());
    const dues = [item("1", "OVERDUE", daysFromToday(-19), 19, "Aさん"), item("2", "DUE_TODAY", today(), 0, "蓮さん")];
    if (withinDays > 0) dues.push(item("3", "UPCOMING", daysFromToday(withinDays), 0, "葵さん"));
    const { sent } = renderPage(<TodayPage />, {
      path: "/today",
      url: "/today",
      mocks: [
        {
          request: { query: MyFollowUpsDueDocument, variables: { withinDays } },
          result: { data: { myFollowUpsDue: dues } },
          delay: 0,
        },
      ],
    });

    expect(await screen.findByRole("heading", { level: 1, name: "今日・今週のフォローアップ" })).toBeTruthy();
    const overdue = within(await screen.findByRole("region", { name: "期限切れ" }));
    expect(overdue.getByText("19日超過")).toBeTruthy();
    const record = overdue.getByRole("link", { name: "Aさんのフォローアップを記録する" });
    expect(record.getAttribute("href")).toBe("/matches/m-1/follow-up?from=%2Ftoday&due=d-1");

    expect(within(screen.getByRole("region", { name: "今日" })).getByRole("link", { name: "蓮さん" })).toBeTruthy();
    const week = within(screen.getByRole("region", { name: "今週" }));
    if (withinDays > 0) expect(week.getByRole("link", { name: "葵さん" })).toBeTruthy();
    else expect(week.getByText("今週、このあとの予定はありません。")).toBeTruthy();
    expect(sent[0].variables).toEqual({ withinDays });
  });
});
