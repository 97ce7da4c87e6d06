import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { ListingEditDocument, SaveListingDocument, SetCatalogListingStatusDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ListingEditPage } from "./ListingEditPage";
import { areas, listing, organizations } from "./listing.fixtures";

afterEach(cleanup);

const ID = "r-1";
const saved = listing(ID, {
  version: 7,
  status: "ACTIVE",
  organization: { __typename: "Organization", id: "o-9", name: "NPO法人 ひだまり" },
  capacity: 10,
  areas: [{ __typename: "Area", id: "a-1" }],
  viewerCan: { __typename: "ResourcePermissions", update: true },
});
const load: MockLink.MockedResponse = {
  request: { query: ListingEditDocument, variables: { id: ID } },
  result: { data: { resource: saved } },
  delay: 0,
};

const page = (mocks: MockLink.MockedResponse[]) =>
  renderPage(<ListingEditPage />, {
    path: "/catalog/listings/:resourceId/edit",
    url: `/catalog/listings/${ID}/edit`,
    mocks: [load, areas, organizations, ...mocks],
    otherRoutes: [{ path: "/resources/:id", element: <h1>資源の詳細</h1> }],
  });

describe("ListingEditPage", () => {
  it("starts from the saved listing, sends every field with its version, then the status when it changed", async () => {
    const { sent, router } = page([
      {
        request: { query: SaveListingDocument, variables: () => true },
        result: { data: { updateResource: { __typename: "ResourcePayload", resource: { ...saved, version: 8 } } } },
        delay: 0,
      },
      {
        request: { query: SetCatalogListingStatusDocument, variables: { input: { id: ID, status: "PAUSED" } } },
        result: {
          data: {
            setResourceStatus: {
              __typename: "ResourcePayload",
              resource: { __typename: "Resource", id: ID, status: "PAUSED", version: 9 },
            },
          },
        },
        delay: 0,
      },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "サロン ひだまり の編集" })).toBeTruthy();
    // The saved host is offered even though the first page of organizations does not hold it.
    const host = screen.getByRole<HTMLSelectElement>("combobox", { name: /^運営する団体/ });
    expect(host.value).toBe("o-9");
    expect(within(host).getByRole("option", { name: "NPO法人 ひだまり" })).toBeTruthy();
    const north = await screen.findByRole<HTMLInputElement>("checkbox", { name: "みどり野北エリア" });
    expect(north.checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "定員" }).value).toBe("10");

    fireEvent.change(screen.getByRole("textbox", { name: "定員" }), { target: { value: "12" } });
    fireEvent.change(screen.getByRole("combobox", { name: "活動状況" }), { target: { value: "PAUSED" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/resources/${ID}`));
    const save = sent.find((s) => s.operationName === "SaveListing");
    expect(save?.variables.input).toMatchObject({ id: ID, expectedVersion: 7, capacity: 12, areaIds: ["a-1"] });
    // Status has its own mutation; the host stays (UpdateResourceInput has no organizationId).
    expect(save?.variables.input).not.toHaveProperty("status");
    expect(save?.variables.input).not.toHaveProperty("organizationId");
    expect(host.disabled).toBe(true);
    expect(sent.map((s) => s.operationName)).toContain("SetCatalogListingStatus");
  });

  it("on CONFLICT says someone saved first and offers to reload", async () => {
    page([
      {
        request: { query: SaveListingDocument, variables: () => true },
        result: {
          errors: [new GraphQLError("この資源は他の人が先に更新しました", { extensions: { code: "CONFLICT" } })],
        },
        delay: 0,
      },
      { ...load, result: { data: { resource: { ...saved, version: 8 } } } },
    ]);
    await screen.findByRole("heading", { level: 1, name: "サロン ひだまり の編集" });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("他の人が先に更新しました");
    fireEvent.click(within(alert).getByRole("button", { name: "読み込み直す" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("labels the contact group as public, says 担当者名 is for staff only, and keeps the saved one", async () => {
    const named = { ...saved, contactName: "世話役 佐藤", contactPhone: "042-555-0101" };
    const { sent, router } = renderPage(<ListingEditPage />, {
      path: "/catalog/listings/:resourceId/edit",
      url: `/catalog/listings/${ID}/edit`,
      mocks: [
        { ...load, result: { data: { resource: named } } },
        areas,
        organizations,
        {
          request: { query: SaveListingDocument, variables: () => true },
          result: { data: { updateResource: { __typename: "ResourcePayload", resource: { ...named, version: 8 } } } },
          delay: 0,
        },
      ],
      otherRoutes: [{ path: "/resources/:id", element: <h1>資源の詳細</h1> }],
    });
    await screen.findByRole("heading", { level: 1, name: "サロン ひだまり の編集" });
    const group = within(screen.getByRole("region", { name: "公開される連絡先（だれでも見られます）" }));
    expect(group.getByRole<HTMLInputElement>("textbox", { name: "電話番号" }).value).toBe("042-555-0101");
    const name = group.getByRole<HTMLInputElement>("textbox", { name: "担当者名 (職員向け)" });
    expect(name.value).toBe("世話役 佐藤");
    const hint = document.getElementById(name.getAttribute("aria-describedby")!);
    expect(hint?.textContent).toBe("担当者名は職員とこの団体の受け入れ先だけに見えます。公開はされません。");

    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/resources/${ID}`));
    expect(sent.find((s) => s.operationName === "SaveListing")?.variables.input).toMatchObject({
      contactName: "世話役 佐藤",
      contactPhone: "042-555-0101",
    });
  });

  it("tells a viewer without the right to edit, and shows no form", async () => {
    renderPage(<ListingEditPage />, {
      path: "/catalog/listings/:resourceId/edit",
      url: `/catalog/listings/${ID}/edit`,
      mocks: [
        {
          ...load,
          result: { data: { resource: { ...saved, viewerCan: { __typename: "ResourcePermissions", update: false } } } },
        },
      ],
    });
    expect(await screen.findByText("この資源を編集する権限がありません。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "保存する" })).toBeNull();
  });
});
