import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import {
  AdminOrganizationsDocument,
  CreateAdminOrganizationDocument,
  SetOrganizationArchivedDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { OrganizationsPage } from "./OrganizationsPage";

afterEach(cleanup);

const org = (id: string, name: string, archivedAt: string | null = null) => ({
  __typename: "Organization",
  id,
  name,
  nameKana: "",
  orgType: "NPO",
  cityRelationship: "SUBSIDIZED",
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  publicPhone: null,
  publicEmail: null,
  publicContactNote: null,
  address: null,
  archivedAt,
});
const list = (includeArchived: boolean, orgs: ReturnType<typeof org>[]): MockLink.MockedResponse => ({
  request: { query: AdminOrganizationsDocument, variables: { text: null, includeArchived } },
  result: {
    data: {
      organizations: {
        __typename: "OrganizationConnection",
        totalCount: orgs.length,
        edges: orgs.map((node) => ({ __typename: "OrganizationEdge", node })),
      },
    },
  },
  delay: 0,
});
const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;

describe("OrganizationsPage", () => {
  it("adds an organization with its type, relationship to the city, and its public and staff-only contacts apart", async () => {
    const { sent } = renderPage(<OrganizationsPage />, {
      path: "/catalog/organizations",
      url: "/catalog/organizations",
      mocks: [
        list(false, [org("o-1", "NPO法人 ひだまり")]),
        {
          request: {
            query: CreateAdminOrganizationDocument,
            variables: {
              input: {
                name: "みどり野こども食堂の会",
                nameKana: null,
                orgType: "RESIDENT_GROUP",
                cityRelationship: "SUBSIDIZED",
                contactName: "担当 川口",
                contactPhone: "090-1234-5678",
                contactEmail: null,
                publicPhone: "0120-000-000",
                publicEmail: null,
                publicContactNote: null,
                address: null,
              },
            },
          },
          result: {
            data: {
              createOrganization: {
                __typename: "OrganizationPayload",
                organization: { ...org("o-2", "みどり野こども食堂の会"), orgType: "RESIDENT_GROUP" },
              },
            },
          },
          delay: 0,
        },
        list(false, [
          org("o-1", "NPO法人 ひだまり"),
          { ...org("o-2", "みどり野こども食堂の会"), orgType: "RESIDENT_GROUP" },
        ]),
      ],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "団体の管理" })).toBeTruthy();
    await waitFor(() => rowOf("NPO法人 ひだまり"));
    fireEvent.change(screen.getByRole("textbox", { name: /^名称/ }), { target: { value: "みどり野こども食堂の会" } });
    fireEvent.change(screen.getByRole("combobox", { name: "市との関係" }), { target: { value: "SUBSIDIZED" } });
    const publicGroup = screen.getByRole("group", { name: "公開用の連絡先" });
    const staffGroup = screen.getByRole("group", { name: "職員向けの連絡先" });
    fireEvent.change(within(publicGroup).getByRole("textbox", { name: "公開用の電話番号" }), {
      target: { value: "0120-000-000" },
    });
    fireEvent.change(within(staffGroup).getByRole("textbox", { name: "担当者名 (職員向け)" }), {
      target: { value: "担当 川口" },
    });
    fireEvent.change(within(staffGroup).getByRole("textbox", { name: "担当者の電話番号 (職員向け)" }), {
      target: { value: "090-1234-5678" },
    });
    fireEvent.click(screen.getByRole("button", { name: "追加する" }));
    expect(await screen.findByText("「みどり野こども食堂の会」を追加しました。")).toBeTruthy();
    await waitFor(() => expect(within(rowOf("みどり野こども食堂の会")).getByText("住民団体・自治会")).toBeTruthy());
    expect(sent.map((s) => s.operationName)).toContain("CreateAdminOrganization");
  });

  it("archives an organization instead of deleting it; archived ones show when asked for", async () => {
    renderPage(<OrganizationsPage />, {
      path: "/catalog/organizations",
      url: "/catalog/organizations",
      mocks: [
        list(false, [org("o-1", "NPO法人 ひだまり")]),
        {
          request: { query: SetOrganizationArchivedDocument, variables: { input: { id: "o-1", archived: true } } },
          result: {
            data: {
              setOrganizationArchived: {
                __typename: "OrganizationPayload",
                organization: { __typename: "Organization", id: "o-1", archivedAt: "2026-12-01T00:00:00.000Z" },
              },
            },
          },
          delay: 0,
        },
        list(false, []),
        list(true, [org("o-1", "NPO法人 ひだまり", "2026-12-01T00:00:00.000Z")]),
      ],
    });
    await waitFor(() => rowOf("NPO法人 ひだまり"));
    fireEvent.click(screen.getByRole("button", { name: "NPO法人 ひだまり を廃止" }));
    expect(
      await screen.findByText("「NPO法人 ひだまり」を廃止しました。資源やマッチングの記録には残ります。"),
    ).toBeTruthy();
    expect(await screen.findByText("該当する団体はありません。")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "廃止した団体も表示する" }));
    await waitFor(() => expect(within(rowOf("NPO法人 ひだまり")).getByText("廃止")).toBeTruthy());
    expect(screen.getByRole("button", { name: "NPO法人 ひだまり の廃止を取り消す" })).toBeTruthy();
  });
});
