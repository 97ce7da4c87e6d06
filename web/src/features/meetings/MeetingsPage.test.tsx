import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import {
  CreateMeetingRecordDocument,
  MeetingPersonChoicesDocument,
  MeetingRecordsDocument,
  MySupportMeetingGroupsDocument,
  OrganizationChoicesDocument,
  ViewerDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { MeetingsPage } from "./MeetingsPage";

afterEach(cleanup);

const FY = fiscalYearOf(today());
const me = {
  request: { query: ViewerDocument },
  result: {
    data: {
      me: {
        __typename: "User",
        id: "u-1",
        displayName: "佐藤 みのり",
        role: "COORDINATOR",
        pendingSetup: null,
        organization: null,
      },
    },
  },
  delay: 0,
};
const record = (over: Record<string, unknown> = {}) => ({
  __typename: "MeetingRecord",
  id: "m-1",
  heldOn: `${FY}-07-10`,
  kind: "JUSOTEKI",
  title: "7月 重層的支援会議",
  decisions: "見学を提案する",
  restricted: false,
  personCount: 2,
  supportMeetingGroupId: null,
  version: 1,
  organizations: [{ __typename: "Organization", id: "o-1", name: "地域包括支援センター" }],
  attendees: [{ __typename: "User", id: "u-1", displayName: "佐藤 みのり" }],
  persons: [{ __typename: "Person", id: "p-1", displayName: "山田 花子" }],
  viewerCan: { __typename: "MeetingRecordPermissions", update: true },
  ...over,
});
const list = (rows: ReturnType<typeof record>[]): MockLink.MockedResponse => ({
  request: { query: MeetingRecordsDocument, variables: { fiscalYear: FY, first: 50 } },
  result: {
    data: {
      meetingRecords: {
        __typename: "MeetingRecordConnection",
        totalCount: rows.length,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: "MeetingRecordEdge", node })),
      },
    },
  },
  delay: 0,
});

describe("MeetingsPage", () => {
  it("shows a 支援会議 the viewer does not sit on as held and how many, and the others in full", async () => {
    renderPage(<MeetingsPage />, {
      path: "/records/meetings",
      url: "/records/meetings",
      mocks: [
        me,
        list([
          record(),
          record({
            id: "m-2",
            kind: "SHIEN_KAIGI",
            title: null,
            decisions: null,
            restricted: true,
            personCount: 3,
            organizations: [],
            attendees: [],
            persons: [],
            viewerCan: { __typename: "MeetingRecordPermissions", update: false },
          }),
        ]),
      ],
    });
    const table = within(await screen.findByRole("table", { name: `${FY}年度の会議` }));
    const [, full, restricted] = table.getAllByRole("row");
    expect(within(full).getByText("重層的支援会議")).toBeTruthy();
    expect(within(full).getByText("地域包括支援センター")).toBeTruthy();
    expect(within(full).getByText("2人: 山田 花子 / ほかに1人 (閲覧権限なし)")).toBeTruthy();
    expect(within(full).getByRole("button", { name: /「7月 重層的支援会議」を直す$/ })).toBeTruthy();
    expect(within(restricted).getByText("支援会議")).toBeTruthy();
    expect(within(restricted).getByText("内容は構成員と管理者だけが見られます")).toBeTruthy();
    expect(within(restricted).getByText("3人")).toBeTruthy();
    expect(within(restricted).queryByRole("button")).toBeNull();
  });

  it("records a 支援会議 under one of the viewer's meetings, with the person discussed by reference", async () => {
    const created = record({
      id: "m-9",
      kind: "SHIEN_KAIGI",
      supportMeetingGroupId: "g-1",
      personCount: 1,
      organizations: [],
    });
    renderPage(<MeetingsPage />, {
      path: "/records/meetings",
      url: "/records/meetings",
      mocks: [
        me,
        list([]),
        {
          request: { query: MySupportMeetingGroupsDocument },
          result: {
            data: {
              mySupportMeetingGroups: [{ __typename: "SupportMeetingGroup", id: "g-1", name: "東地区 支援会議" }],
            },
          },
          delay: 0,
        },
        {
          request: { query: OrganizationChoicesDocument, variables: { text: null, first: 100 } },
          result: { data: { organizations: { __typename: "OrganizationConnection", edges: [] } } },
          delay: 0,
          maxUsageCount: 5,
        },
        {
          request: { query: MeetingPersonChoicesDocument, variables: { text: null } },
          result: {
            data: {
              persons: {
                __typename: "PersonConnection",
                edges: [
                  { __typename: "PersonEdge", node: { __typename: "Person", id: "p-1", displayName: "山田 花子" } },
                ],
              },
            },
          },
          delay: 0,
          maxUsageCount: 5,
        },
        {
          request: {
            query: CreateMeetingRecordDocument,
            variables: {
              input: {
                heldOn: today(),
                kind: "SHIEN_KAIGI",
                title: "7月 支援会議",
                decisions: "",
                supportMeetingGroupId: "g-1",
                organizationIds: [],
                attendeeIds: ["u-1"],
                personIds: ["p-1"],
              },
            },
          },
          result: { data: { createMeetingRecord: { __typename: "MeetingRecordPayload", meetingRecord: created } } },
          delay: 0,
        },
        list([created]),
      ],
    });
    await screen.findByText("この年度の記録はまだありません。");
    fireEvent.click(await screen.findByRole("button", { name: "新しく記録する" }));
    const form = within(screen.getByRole("form", { name: "会議の記録を作る" }));
    const group = form.getByRole("combobox", { name: /^支援会議/ });
    await within(group).findByRole("option", { name: "東地区 支援会議" });
    fireEvent.change(group, { target: { value: "g-1" } });
    fireEvent.change(form.getByRole("textbox", { name: /^会議名・議題/ }), { target: { value: "7月 支援会議" } });
    expect(
      within(form.getByRole("list", { name: "出席した職員" })).getByRole("button", { name: "佐藤 みのりを外す" }),
    ).toBeTruthy();
    const choose = form.getByRole("combobox", { name: "本人を選んでください" });
    await within(choose).findByRole("option", { name: "山田 花子" });
    fireEvent.change(choose, { target: { value: "p-1" } });
    fireEvent.click(form.getByRole("button", { name: "本人を加える" }));
    expect(
      within(form.getByRole("list", { name: "話し合った本人" })).getByRole("button", { name: "山田 花子を外す" }),
    ).toBeTruthy();
    fireEvent.click(form.getByRole("button", { name: "記録する" }));
    expect(await screen.findByText("記録しました。")).toBeTruthy();
    expect(await screen.findByRole("table", { name: `${FY}年度の会議` })).toBeTruthy();
  });
});
