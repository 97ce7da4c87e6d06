import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { HostPortalDocument, ViewerDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { HostPortalPage } from "./HostPortalPage";

afterEach(cleanup);

const ORG = "o-1";
const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: ViewerDocument },
    result: {
      data: {
        me: {
          __typename: "User",
          id: "u-1",
          displayName: "山本 直樹",
          role: "HOST",
          pendingSetup: null,
          organization: { __typename: "Organization", id: ORG, name: "社会福祉法人 若葉会" },
        },
      },
    },
    delay: 0,
  },
  {
    request: { query: HostPortalDocument, variables: { organizationId: ORG } },
    result: {
      data: {
        resources: {
          __typename: "ResourceConnection",
          totalCount: 1,
          edges: [
            {
              __typename: "ResourceEdge",
              cursor: "c-1",
              node: {
                __typename: "Resource",
                id: "r-1",
                name: "サロン ひだまり",
                kind: "SALON",
                status: "PAUSED",
                openings: 0,
                scheduleText: "第2・第4木曜 13:00〜15:00",
                verifiedAt: null,
                openVerificationRequest: {
                  __typename: "VerificationRequest",
                  id: "v-1",
                  requestedAt: "2026-11-20T01:00:00.000Z",
                  requestedByName: "佐藤 みのり",
                  message: "開催日をご確認ください",
                },
              },
            },
          ],
        },
        myReferrals: [
          {
            __typename: "Referral",
            id: "m-1",
            stage: "HOST_COORDINATION",
            canRespond: true,
            hostResponse: null,
            referredOn: "2026-11-18",
            resource: { __typename: "Resource", id: "r-1", name: "サロン ひだまり" },
            person: { __typename: "ReferralPerson", displayName: null },
          },
          {
            __typename: "Referral",
            id: "m-2",
            stage: "STABLE",
            canRespond: false,
            hostResponse: "ACCEPTED",
            referredOn: "2026-02-13",
            resource: { __typename: "Resource", id: "r-1", name: "サロン ひだまり" },
            person: { __typename: "ReferralPerson", displayName: "加藤 昭" },
          },
          {
            // Answered 受け入れる, still 受け入れ先調整 until the coordinator moves it on: no answer is awaited.
            __typename: "Referral",
            id: "m-3",
            stage: "HOST_COORDINATION",
            canRespond: true,
            hostResponse: "ACCEPTED",
            referredOn: "2026-11-20",
            resource: { __typename: "Resource", id: "r-1", name: "サロン ひだまり" },
            person: { __typename: "ReferralPerson", displayName: "木村 花" },
          },
          {
            __typename: "Referral",
            id: "m-4",
            stage: "HOST_DECLINED",
            canRespond: false,
            hostResponse: "DECLINED",
            referredOn: "2026-11-10",
            resource: { __typename: "Resource", id: "r-1", name: "サロン ひだまり" },
            person: { __typename: "ReferralPerson", displayName: "林 一郎" },
          },
        ],
      },
    },
    delay: 0,
  },
];

describe("HostPortalPage", () => {
  it("lists the organization's listings and its referrals, each a link to its page", async () => {
    renderPage(<HostPortalPage />, { path: "/host", url: "/host", mocks });
    expect(await screen.findByRole("heading", { level: 1, name: "受け入れ先ポータル" })).toBeTruthy();

    const listings = within(await screen.findByRole("region", { name: "掲載中の資源" }));
    expect(listings.getByRole("link", { name: "サロン ひだまり" }).getAttribute("href")).toBe("/host/listings/r-1");
    expect(listings.getByText("休止中")).toBeTruthy();
    expect(listings.getByText("空き: なし (満員)")).toBeTruthy();
    expect(listings.getByText("掲載内容が未確認です")).toBeTruthy();
    // A coordinator's 「確認を依頼」: counted above the list and shown on the listing, with who asked and the note.
    expect(listings.getByText("確認の依頼が1件あります。")).toBeTruthy();
    expect(listings.getByText(/2026年11月20日.*に佐藤 みのり さんから掲載内容の確認の依頼がありました/)).toBeTruthy();
    expect(listings.getByText("開催日をご確認ください")).toBeTruthy();

    const referrals = within(screen.getByRole("region", { name: "紹介された方" }));
    expect(referrals.getByRole("link", { name: "お名前非共有の方 — サロン ひだまり" }).getAttribute("href")).toBe(
      "/host/referrals/m-1",
    );
    expect(referrals.getByRole("link", { name: "加藤 昭 さん — サロン ひだまり" }).getAttribute("href")).toBe(
      "/host/referrals/m-2",
    );
    const awaiting = referrals.getAllByText("お返事をお待ちしています");
    expect(awaiting).toHaveLength(1);
    expect(awaiting[0].closest("li.host-card")?.textContent).toContain("お名前非共有の方");
    // The host's refusal is お断り here too.
    expect(referrals.getByText("状況: お断りしました")).toBeTruthy();
    expect(referrals.queryByText(/辞退/)).toBeNull();
  });
});
