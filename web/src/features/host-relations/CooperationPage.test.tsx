import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import {
  CooperationGapChoicesDocument,
  CooperationPersonChoicesDocument,
  CooperationRequestsDocument,
  CreateCooperationRequestDocument,
  OrganizationChoicesDocument,
  UpdateCooperationRequestDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { CooperationPage } from "./CooperationPage";

afterEach(cleanup);

const FY = fiscalYearOf(today());
const ORG = { __typename: "Organization", id: "o-1", name: "社会福祉法人 若葉会" };
const request = (over: Record<string, unknown> = {}) => ({
  __typename: "CooperationRequest",
  id: "c-1",
  requestedOn: `${FY}-06-01`,
  kind: "ACCEPT_PERSON",
  answer: "PENDING",
  answeredOn: null,
  resourceGapId: null,
  note: "",
  version: 1,
  organization: ORG,
  person: { __typename: "Person", id: "p-1", displayName: "山田 花子" },
  ...over,
});
const list = (rows: ReturnType<typeof request>[]): MockLink.MockedResponse => ({
  request: { query: CooperationRequestsDocument, variables: { fiscalYear: FY, first: 50 } },
  result: {
    data: {
      cooperationRequests: {
        __typename: "CooperationRequestConnection",
        totalCount: rows.length,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: "CooperationRequestEdge", node })),
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
const persons: MockLink.MockedResponse = {
  request: { query: CooperationPersonChoicesDocument, variables: { text: null } },
  result: {
    data: {
      persons: {
        __typename: "PersonConnection",
        edges: [{ __typename: "PersonEdge", node: { __typename: "Person", id: "p-1", displayName: "山田 花子" } }],
      },
    },
  },
  delay: 0,
  maxUsageCount: 5,
};

describe("CooperationPage", () => {
  it("lists the 年度's requests with their answers, and records one to create a place for a gap", async () => {
    const created = request({ id: "c-2", kind: "CREATE_PLACE", person: null, resourceGapId: "g-1" });
    renderPage(<CooperationPage />, {
      path: "/records/cooperation",
      url: "/records/cooperation",
      mocks: [
        list([request({ answer: "DECLINED", answeredOn: `${FY}-06-10` })]),
        organizations,
        persons,
        {
          request: { query: CooperationGapChoicesDocument },
          result: {
            data: { resourceGaps: [{ __typename: "ResourceGap", id: "g-1", need: "平日夜の居場所" }] },
          },
          delay: 0,
        },
        {
          request: {
            query: CreateCooperationRequestDocument,
            variables: {
              input: {
                organizationId: "o-1",
                requestedOn: today(),
                kind: "CREATE_PLACE",
                answer: "PENDING",
                answeredOn: null,
                personId: null,
                resourceGapId: "g-1",
                note: "",
              },
            },
          },
          result: {
            data: {
              createCooperationRequest: { __typename: "CooperationRequestPayload", cooperationRequest: created },
            },
          },
          delay: 0,
        },
        list([created, request({ answer: "DECLINED", answeredOn: `${FY}-06-10` })]),
      ],
    });
    const table = within(await screen.findByRole("table", { name: `${FY}年度の協力依頼` }));
    const row = within(table.getAllByRole("row")[1]);
    expect(row.getByText("社会福祉法人 若葉会")).toBeTruthy();
    expect(row.getByText("本人の受け入れ")).toBeTruthy();
    expect(row.getByText("辞退")).toBeTruthy();
    expect(row.getByText("山田 花子")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "新しく記録する" }));
    const form = within(screen.getByRole("form", { name: "協力依頼を記録する" }));
    const org = form.getByRole("combobox", { name: /^依頼した団体/ });
    await within(org).findByRole("option", { name: "社会福祉法人 若葉会" });
    fireEvent.change(org, { target: { value: "o-1" } });
    expect(form.queryByRole("combobox", { name: /^資源の不足/ })).toBeNull();
    fireEvent.change(form.getByRole("combobox", { name: /^依頼の内容/ }), { target: { value: "CREATE_PLACE" } });
    const gap = form.getByRole("combobox", { name: /^資源の不足/ });
    await within(gap).findByRole("option", { name: "平日夜の居場所" });
    fireEvent.change(gap, { target: { value: "g-1" } });
    fireEvent.click(form.getByRole("button", { name: "記録する" }));
    expect(await screen.findByText("記録しました。")).toBeTruthy();
    expect(await screen.findByText("場・活動の創出")).toBeTruthy();
  });

  it("records the answer on an existing request and shows the server's message beside the answer day", async () => {
    renderPage(<CooperationPage />, {
      path: "/records/cooperation",
      url: "/records/cooperation",
      mocks: [
        list([request()]),
        organizations,
        persons,
        {
          request: {
            query: UpdateCooperationRequestDocument,
            variables: {
              input: {
                id: "c-1",
                expectedVersion: 1,
                organizationId: "o-1",
                requestedOn: `${FY}-06-01`,
                kind: "ACCEPT_PERSON",
                answer: "ACCEPTED",
                answeredOn: null,
                personId: "p-1",
                resourceGapId: null,
                note: "",
              },
            },
          },
          result: {
            errors: [
              new GraphQLError("入力内容を確認してください", {
                extensions: {
                  code: "BAD_USER_INPUT",
                  fields: [{ field: "input.answeredOn", messages: ["回答があった日を入力してください"] }],
                },
              }),
            ],
          },
          delay: 0,
        },
      ],
    });
    fireEvent.click(await screen.findByRole("button", { name: /社会福祉法人 若葉会への協力依頼を直す$/ }));
    const form = within(screen.getByRole("form", { name: "協力依頼を直す・回答を記録する" }));
    expect(form.getByRole<HTMLSelectElement>("combobox", { name: "本人" }).value).toBe("p-1");
    fireEvent.change(form.getByRole("combobox", { name: /^回答/ }), { target: { value: "ACCEPTED" } });
    fireEvent.click(form.getByRole("button", { name: "保存する" }));
    expect(await form.findByText("回答があった日を入力してください")).toBeTruthy();
    expect(form.getByLabelText("回答日").getAttribute("aria-invalid")).toBe("true");
  });
});
