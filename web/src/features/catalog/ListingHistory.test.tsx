import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { ListingHistoryDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ListingHistory } from "./ListingHistory";
import { formatHistoryValue } from "./history-format";
import { areas, organizations } from "./listing.fixtures";

afterEach(cleanup);

describe("ListingHistory", () => {
  it("shows who changed what, when, each field from its old value to its new one, in words", async () => {
    renderPage(<ListingHistory resourceId="r-1" />, {
      path: "/",
      url: "/",
      mocks: [
        areas,
        organizations,
        {
          request: { query: ListingHistoryDocument, variables: { id: "r-1" } },
          result: {
            data: {
              resource: {
                __typename: "Resource",
                id: "r-1",
                changeHistory: [
                  {
                    __typename: "ResourceChange",
                    id: "3",
                    kind: "UPDATE",
                    changedAt: "2026-11-20T01:30:00.000Z",
                    actorName: "山本 直樹",
                    importedFrom: null,
                    changes: [
                      { __typename: "ResourceFieldChange", field: "capacity", before: 10, after: 12 },
                      { __typename: "ResourceFieldChange", field: "areaIds", before: [], after: ["a-1"] },
                      {
                        __typename: "ResourceFieldChange",
                        field: "schedule",
                        before: "毎週月 10:00〜11:00",
                        after: "第2・第4火曜 10:00〜11:30",
                      },
                      { __typename: "ResourceFieldChange", field: "organizationId", before: "o-1", after: "o-2" },
                    ],
                  },
                  {
                    __typename: "ResourceChange",
                    id: "2",
                    kind: "VERIFICATION_REQUEST",
                    changedAt: "2026-11-19T01:30:00.000Z",
                    actorName: null,
                    importedFrom: null,
                    changes: [],
                  },
                  {
                    __typename: "ResourceChange",
                    id: "1",
                    kind: "CREATE",
                    changedAt: "2026-11-01T01:30:00.000Z",
                    actorName: "取込 花子",
                    importedFrom: "武蔵村山市 子ども食堂一覧 (kodomo.csv)",
                    changes: [{ __typename: "ResourceFieldChange", field: "capacity", before: null, after: 10 }],
                  },
                ],
              },
            },
          },
          delay: 0,
        },
      ],
    });
    expect(await screen.findByRole("heading", { name: "変更履歴" })).toBeTruthy();
    const first = (await screen.findAllByRole("listitem"))[0];
    expect(first.textContent).toContain("編集 — 山本 直樹");
    expect(first.textContent).toContain("2026年11月20日");
    const rows = within(first)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.querySelectorAll("th,td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["定員", "10", "12"],
      ["地区", "(なし)", "みどり野北エリア"],
      ["日程", "毎週月 10:00〜11:00", "第2・第4火曜 10:00〜11:30"],
      ["運営する団体", "若葉会", "みどり野社協"],
    ]);
    expect(screen.getByText(/確認の依頼/).closest("li")?.textContent).toContain("システム");
    // An import's entry names the importing user and the dataset and file.
    expect(
      screen.getByText(/取り込み: 武蔵村山市 子ども食堂一覧 \(kodomo\.csv\)/).closest("li")?.textContent,
    ).toContain("登録 — 取込 花子");
  });

  it("writes codes, flags, lists and dates as words", () => {
    const names = new Map<string, string>();
    expect(formatHistoryValue("status", "PAUSED", names)).toBe("休止中");
    expect(formatHistoryValue("kind", "SALON", names)).toBe("サロン");
    expect(formatHistoryValue("visitAllowed", true, names)).toBe("はい");
    expect(formatHistoryValue("citywide", false, names)).toBe("いいえ");
    expect(formatHistoryValue("activities", ["体操", "茶話会"], names)).toBe("体操、茶話会");
    expect(formatHistoryValue("schedule.closedDates", ["2026-12-29"], names)).toBe("2026年12月29日(火)");
    expect(formatHistoryValue("contactPhone", null, names)).toBe("(なし)");
    render(<p>{formatHistoryValue("verifiedAt", "2026-11-20T01:30:00.000Z", names)}</p>);
    expect(screen.getByText(/2026年11月20日/)).toBeTruthy();
  });
});
