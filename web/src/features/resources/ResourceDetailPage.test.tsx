import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { ListingHistoryDocument, ResourceDetailDocument, ViewerDocument } from "../../gql/graphql";
import { areas, organizations } from "../catalog/listing.fixtures";
import { renderPage } from "../../ui/test-utils";
import { ResourceDetailPage } from "./ResourceDetailPage";

afterEach(cleanup);

const coordinator = {
  __typename: "User",
  id: "u-1",
  displayName: "佐藤 みのり",
  role: "COORDINATOR",
  pendingSetup: null,
  organization: null,
};

const resource = {
  __typename: "Resource",
  id: "r-1",
  name: "陽だまり体操クラブ",
  nameKana: "ひだまりたいそうくらぶ",
  kind: "KAIGO_YOBO_GROUP",
  status: "ACTIVE",
  description: "ストレッチと百歳体操。",
  verifiedAt: new Date().toISOString(),
  viewerCan: { __typename: "ResourcePermissions", update: true },
  scheduleText: "第2・第4火曜 10:00〜11:30(祝日休み)",
  schedule: { __typename: "Schedule", note: "8月は休み", closedDates: ["2000-01-04", "2999-12-08"] },
  nextSessions: [
    { __typename: "Session", date: "2026-12-08", label: "2026年12月8日(火) 10:00〜11:30" },
    { __typename: "Session", date: "2026-12-22", label: "2026年12月22日(火) 10:00〜11:30" },
  ],
  targetGroups: ["ELDERLY"],
  activities: ["ストレッチ", "百歳体操"],
  rolesOffered: ["PARTICIPANT", "VOLUNTEER"],
  costPerSessionYen: 100,
  capacity: 20,
  openings: 0,
  visitAllowed: true,
  trialAllowed: false,
  homeBased: false,
  visiting: false,
  citywide: false,
  eligibility: {
    __typename: "Eligibility",
    ageMin: 65,
    ageMax: null,
    certificateRequired: false,
    residenceRequired: true,
    requiresSupportPlan: false,
    referredCasesOnly: false,
  },
  venueName: "西みどり野二丁目集会所",
  address: "東京都みどり野市西みどり野2-6-11",
  nearestStop: "西みどり野中央バス停",
  transportOptions: ["BUS_STOP_NEARBY"],
  accessibility: ["STEP_FREE"],
  areas: [{ __typename: "Area", id: "a-1", name: "みどり野西エリア" }],
  contactName: "青木 和也",
  contactPhone: "042-520-6435",
  contactPhone2: "090-0000-6435",
  contactEmail: null,
  organization: {
    __typename: "Organization",
    id: "o-1",
    name: "山吹元気体操の会",
    publicPhone: null,
    publicEmail: "info@example.jp",
    publicContactNote: "平日 9時〜17時 (事務局)",
  },
  source: null,
};

const viewer = (me: unknown): MockLink.MockedResponse => ({
  request: { query: ViewerDocument },
  result: { data: { me } },
  delay: 0,
});
const detail = (result: MockLink.MockedResponse["result"]): MockLink.MockedResponse => ({
  request: { query: ResourceDetailDocument, variables: { id: "r-1" } },
  result,
  delay: 0,
});

/** What staff see under the listing: its (empty here) change history, with the lists that name ids in it. */
const staffTools: MockLink.MockedResponse[] = [
  {
    request: { query: ListingHistoryDocument, variables: { id: "r-1" } },
    result: { data: { resource: { __typename: "Resource", id: "r-1", changeHistory: [] } } },
    delay: 0,
  },
  areas,
  organizations,
];

describe("ResourceDetailPage", () => {
  it("shows what a coordinator needs to decide, in words", async () => {
    renderPage(<ResourceDetailPage />, {
      path: "/resources/:resourceId",
      url: "/resources/r-1",
      mocks: [viewer(coordinator), detail({ data: { resource } }), ...staffTools],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "陽だまり体操クラブ" })).toBeTruthy();
    expect(screen.getByText("第2・第4火曜 10:00〜11:30(祝日休み)")).toBeTruthy();
    // Only closures still ahead are listed.
    expect(screen.getByText("2999年12月8日(日)")).toBeTruthy();
    expect(screen.queryByText(/2000年1月4日/)).toBeNull();

    const sessions = screen.getByRole("region", { name: "次回の開催" });
    expect(
      within(sessions)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["2026年12月8日(火) 10:00〜11:30", "2026年12月22日(火) 10:00〜11:30"]);

    const participation = within(screen.getByRole("region", { name: "参加について" }));
    expect(participation.getByText("定員 20人・満員")).toBeTruthy();
    expect(participation.getByText("1回 100円")).toBeTruthy();
    expect(participation.getByText("65歳以上、市内在住")).toBeTruthy();
    expect(participation.getByText("見学できます")).toBeTruthy();
    expect(participation.getByText("参加者、ボランティア・担い手")).toBeTruthy();

    const contact = within(screen.getByRole("region", { name: "問い合わせ先" }));
    expect(contact.getByRole("link", { name: "042-520-6435" }).getAttribute("href")).toBe("tel:0425206435");
    expect(contact.getByRole("link", { name: "090-0000-6435" }).getAttribute("href")).toBe("tel:09000006435");
    expect(contact.getByRole("link", { name: "info@example.jp" })).toBeTruthy();
    expect(contact.getByText("平日 9時〜17時 (事務局)").previousElementSibling!.textContent).toBe("補足");

    // The edit link is for the listing's host only; staff edit elsewhere.
    expect(screen.queryByRole("link", { name: "掲載内容を編集する" })).toBeNull();
    expect(screen.getByRole("link", { name: "資源をさがすへ" }).getAttribute("href")).toBe("/resources");
    // Staff edit in the catalog's form, and read the listing's change history here.
    expect(screen.getByRole("link", { name: "この資源を編集する" }).getAttribute("href")).toBe(
      "/catalog/listings/r-1/edit",
    );
    expect(await screen.findByText("変更の記録はありません。")).toBeTruthy();
  });

  it("credits the open data a listing was imported from (出典)", async () => {
    const imported = {
      ...resource,
      source: {
        __typename: "ResourceSource",
        publisher: "武蔵村山市",
        dataset: "子ども食堂一覧",
        licence: "CC BY 4.0",
        attribution: null,
      },
    };
    renderPage(<ResourceDetailPage />, {
      path: "/resources/:resourceId",
      url: "/resources/r-1",
      mocks: [viewer(coordinator), detail({ data: { resource: imported } })],
    });
    expect(await screen.findByText("出典：武蔵村山市 子ども食堂一覧 (CC BY 4.0)")).toBeTruthy();
  });

  it("leads back to the search it was opened from", async () => {
    const { router } = renderPage(<ResourceDetailPage />, {
      path: "/resources/:resourceId",
      url: "/resources",
      mocks: [viewer(coordinator), detail({ data: { resource } }), ...staffTools],
      otherRoutes: [{ path: "/resources", element: <p>search</p> }],
    });
    await router.navigate("/resources/r-1", { state: { search: "?q=%E4%BD%93%E6%93%8D&day=TUE" } });
    const back = await screen.findByRole("link", { name: "検索結果へ戻る" });
    expect(back.getAttribute("href")).toBe("/resources?q=%E4%BD%93%E6%93%8D&day=TUE");
  });

  it("says when the resource does not exist", async () => {
    renderPage(<ResourceDetailPage />, {
      path: "/resources/:resourceId",
      url: "/resources/r-1",
      mocks: [
        viewer(null),
        detail({ errors: [new GraphQLError("資源が見つかりません", { extensions: { code: "NOT_FOUND" } })] }),
      ],
    });
    expect((await screen.findByRole("alert")).textContent).toContain("この資源は見つかりませんでした");
  });
});
