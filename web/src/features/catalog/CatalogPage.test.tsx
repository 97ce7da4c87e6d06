import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { RequestVerificationDocument, StaleQueueDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { CatalogPage } from "./CatalogPage";
import { areas, organizations } from "./listing.fixtures";

afterEach(cleanup);

const row = (id: string, name: string, verifiedAt: string | null, open = false) => ({
  __typename: "Resource",
  id,
  name,
  kind: "SALON",
  verifiedAt,
  organization: { __typename: "Organization", id: "o-1", name: "若葉会" },
  openVerificationRequest: open
    ? {
        __typename: "VerificationRequest",
        id: `v-${id}`,
        requestedAt: "2026-11-20T01:00:00.000Z",
        requestedByName: "佐藤 みのり",
      }
    : null,
});
const queue = (variables: Record<string, unknown>, rows: ReturnType<typeof row>[]): MockLink.MockedResponse => ({
  request: { query: StaleQueueDocument, variables: { kinds: null, areaIds: null, organizationId: null, ...variables } },
  result: {
    data: {
      staleResources: {
        __typename: "StaleResourceConnection",
        totalCount: rows.length,
        edges: rows.map((node) => ({ __typename: "StaleResourceEdge", cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      },
    },
  },
  delay: 0,
});

describe("CatalogPage (stale-listing queue)", () => {
  it("lists the oldest checks first, narrows by 種類, and sends 「確認を依頼」 for the ticked listings", async () => {
    const never = row("r-1", "サロン ひだまり", null);
    const old = row("r-2", "体操の会", "2025-01-10T00:00:00.000Z");
    const { sent } = renderPage(<CatalogPage />, {
      path: "/catalog",
      url: "/catalog",
      mocks: [
        areas,
        organizations,
        queue({}, [never, old, row("r-3", "こども食堂", "2026-10-01T00:00:00.000Z")]),
        queue({ kinds: ["SALON"] }, [never, old]),
        {
          request: {
            query: RequestVerificationDocument,
            variables: { input: { resourceIds: ["r-1", "r-2"], message: "開催日をご確認ください" } },
          },
          result: {
            data: {
              requestResourceVerification: {
                __typename: "RequestVerificationPayload",
                requestedCount: 1,
                alreadyOpenCount: 1,
                resources: [
                  row("r-1", "サロン ひだまり", null, true),
                  row("r-2", "体操の会", "2025-01-10T00:00:00.000Z", true),
                ],
              },
            },
          },
          delay: 0,
        },
      ],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "資源の管理" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "資源を登録する" }).getAttribute("href")).toBe("/catalog/listings/new");
    const list = await screen.findByRole("list");
    expect(
      within(list)
        .getAllByRole("heading", { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(["サロン ひだまり", "体操の会", "こども食堂"]);
    expect(screen.getByText("3件 (3件を表示中)")).toBeTruthy();
    const send = screen.getByRole<HTMLButtonElement>("button", { name: /確認を依頼/ });
    expect(send.disabled).toBe(true);

    fireEvent.change(screen.getByRole("combobox", { name: "種類" }), { target: { value: "SALON" } });
    await screen.findByText("2件 (2件を表示中)");
    fireEvent.click(screen.getByRole("checkbox", { name: "表示中の資源をすべて選ぶ" }));
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "体操の会 を選ぶ" }).checked).toBe(true);
    fireEvent.change(screen.getByRole("textbox", { name: "受け入れ先へのひとこと (任意)" }), {
      target: { value: "開催日をご確認ください" },
    });
    fireEvent.click(screen.getByRole("button", { name: "選んだ2件に確認を依頼" }));

    expect(await screen.findByText("1件に確認を依頼しました。1件はすでに依頼中でした。")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText(/確認を依頼中 \(2026年11月20日.*、佐藤 みのり\)/)).toHaveLength(2));
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "体操の会 を選ぶ" }).checked).toBe(false);
    expect(sent.filter((s) => s.operationName === "RequestVerification")).toHaveLength(1);
  });
});
