import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import {
  CreateHostSupportDocument,
  HostSupportsDocument,
  OrganizationChoicesDocument,
  UpdateHostSupportDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { HostSupportPage } from "./HostSupportPage";

afterEach(cleanup);

const FY = fiscalYearOf(today());
const ORG = { __typename: "Organization", id: "o-1", name: "ホテルみどり野ガーデン" };
const support = (over: Record<string, unknown> = {}) => ({
  __typename: "HostSupport",
  id: "s-1",
  givenOn: `${FY}-07-03`,
  kind: "PROBLEM",
  method: "VISIT",
  note: "利用者どうしのトラブル",
  version: 3,
  organization: ORG,
  ...over,
});
const list = (rows: ReturnType<typeof support>[]): MockLink.MockedResponse => ({
  request: { query: HostSupportsDocument, variables: { fiscalYear: FY, first: 50 } },
  result: {
    data: {
      hostSupports: {
        __typename: "HostSupportConnection",
        totalCount: rows.length,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: "HostSupportEdge", node })),
      },
    },
  },
  delay: 0,
});
const organizations: MockLink.MockedResponse = {
  request: { query: OrganizationChoicesDocument, variables: { text: null, first: 100 } },
  result: {
    data: {
      organizations: { __typename: "OrganizationConnection", edges: [{ __typename: "OrganizationEdge", node: ORG }] },
    },
  },
  delay: 0,
  maxUsageCount: 5,
};

describe("HostSupportPage", () => {
  it("records a support given to a host and lists it in words", async () => {
    const created = support({ id: "s-2", kind: "ADVICE", method: "PHONE", note: "", version: 1 });
    renderPage(<HostSupportPage />, {
      path: "/records/host-support",
      url: "/records/host-support",
      mocks: [
        list([]),
        organizations,
        {
          request: {
            query: CreateHostSupportDocument,
            variables: {
              input: { organizationId: "o-1", givenOn: today(), kind: "ADVICE", method: "PHONE", note: "" },
            },
          },
          result: { data: { createHostSupport: { __typename: "HostSupportPayload", hostSupport: created } } },
          delay: 0,
        },
        list([created]),
      ],
    });
    await screen.findByText("この年度の記録はまだありません。");
    fireEvent.click(screen.getByRole("button", { name: "新しく記録する" }));
    const form = within(screen.getByRole("form", { name: "受け入れ先支援を記録する" }));
    const org = form.getByRole("combobox", { name: /^支援した団体/ });
    await within(org).findByRole("option", { name: "ホテルみどり野ガーデン" });
    fireEvent.change(org, { target: { value: "o-1" } });
    fireEvent.change(form.getByRole("combobox", { name: /^内容/ }), { target: { value: "ADVICE" } });
    fireEvent.change(form.getByRole("combobox", { name: /^方法/ }), { target: { value: "PHONE" } });
    fireEvent.click(form.getByRole("button", { name: "記録する" }));
    expect(await screen.findByText("記録しました。")).toBeTruthy();
    const row = within(
      within(await screen.findByRole("table", { name: `${FY}年度の受け入れ先支援` })).getAllByRole("row")[1],
    );
    expect(row.getByText("助言")).toBeTruthy();
    expect(row.getByText("電話")).toBeTruthy();
    expect(row.getByText("ホテルみどり野ガーデン")).toBeTruthy();
  });

  it("corrects one with the version it was read at", async () => {
    renderPage(<HostSupportPage />, {
      path: "/records/host-support",
      url: "/records/host-support",
      mocks: [
        list([support()]),
        organizations,
        {
          request: {
            query: UpdateHostSupportDocument,
            variables: {
              input: {
                id: "s-1",
                expectedVersion: 3,
                organizationId: "o-1",
                givenOn: `${FY}-07-03`,
                kind: "TRAINING",
                method: "VISIT",
                note: "利用者どうしのトラブル",
              },
            },
          },
          result: {
            data: {
              updateHostSupport: {
                __typename: "HostSupportPayload",
                hostSupport: support({ kind: "TRAINING", version: 4 }),
              },
            },
          },
          delay: 0,
        },
        list([support({ kind: "TRAINING", version: 4 })]),
      ],
    });
    fireEvent.click(await screen.findByRole("button", { name: /ホテルみどり野ガーデンへの受け入れ先支援を直す$/ }));
    const form = within(screen.getByRole("form", { name: "受け入れ先支援を直す" }));
    fireEvent.change(form.getByRole("combobox", { name: /^内容/ }), { target: { value: "TRAINING" } });
    fireEvent.click(form.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("保存しました。")).toBeTruthy();
    expect(await screen.findByText("研修・説明")).toBeTruthy();
  });
});
