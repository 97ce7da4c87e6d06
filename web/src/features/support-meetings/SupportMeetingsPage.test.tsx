import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  ArchiveSupportMeetingGroupDocument,
  AuditUserChoicesDocument,
  CreateSupportMeetingGroupDocument,
  SupportMeetingGroupsDocument,
  UpdateSupportMeetingGroupDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { SupportMeetingsPage } from "./SupportMeetingsPage";

afterEach(cleanup);

const user = (id: string, displayName: string, role: string, active = true) => ({
  __typename: "User",
  id,
  displayName,
  email: `${id}@example.jp`,
  role,
  active,
});
const ADMIN = user("u-admin", "管理 太郎", "ADMIN");
const SATO = user("u-sato", "佐藤 花子", "COORDINATOR");
const SUZUKI = user("u-suzuki", "鈴木 一郎", "COORDINATOR");
const HOST = user("u-host", "受入 次郎", "HOST");
const STOPPED = user("u-stopped", "停止 三郎", "COORDINATOR", false);

const userChoices: MockLink.MockedResponse = {
  request: { query: AuditUserChoicesDocument, variables: { first: 100 } },
  result: {
    data: {
      users: {
        __typename: "UserConnection",
        totalCount: 5,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c5" },
        edges: [ADMIN, SATO, SUZUKI, HOST, STOPPED].map((node) => ({ __typename: "UserEdge", node })),
      },
    },
  },
  delay: 0,
};
const member = ({ id, displayName, active }: { id: string; displayName: string; active: boolean }) => ({
  __typename: "User",
  id,
  displayName,
  active,
});
const north = {
  __typename: "SupportMeetingGroup",
  id: "g-1",
  name: "北地区 支援会議",
  archivedAt: null as string | null,
  personCount: 3,
  members: [member(SATO)],
  viewerCan: { __typename: "SupportMeetingGroupPermissions", update: true, archive: true, restore: false },
};
const list = (groups: unknown[], includeArchived = false): MockLink.MockedResponse => ({
  request: { query: SupportMeetingGroupsDocument, variables: { includeArchived } },
  result: { data: { supportMeetingGroups: groups } },
  delay: 0,
});
const page = (mocks: MockLink.MockedResponse[]) =>
  renderPage(<SupportMeetingsPage />, {
    path: "/admin/support-meetings",
    url: "/admin/support-meetings",
    mocks: [userChoices, ...mocks],
  });
const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;
const form = () => screen.getByRole("heading", { level: 2, name: /支援会議を作る|を編集$/ }).closest("section")!;

describe("SupportMeetingsPage", () => {
  it("lists each meeting with its members and person count, and creates one with the members picked", async () => {
    const south = {
      ...north,
      id: "g-2",
      name: "南地区 支援会議",
      personCount: 0,
      members: [member(SATO), member(SUZUKI)],
    };
    const { sent } = page([
      list([north]),
      {
        request: {
          query: CreateSupportMeetingGroupDocument,
          variables: { input: { name: "南地区 支援会議", memberIds: [SATO.id, SUZUKI.id] } },
        },
        result: {
          data: {
            createSupportMeetingGroup: { __typename: "SupportMeetingGroup", id: "g-2", name: "南地区 支援会議" },
          },
        },
        delay: 0,
      },
      list([north, south]),
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "支援会議" })).toBeTruthy();
    const row = within(await waitFor(() => rowOf("北地区 支援会議")));
    expect(row.getByText("佐藤 花子")).toBeTruthy();
    expect(row.getByText("3人")).toBeTruthy();
    expect(row.getByText("開催中")).toBeTruthy();

    // Only active 管理者・コーディネーター are offered.
    const members = within(await within(form()).findByRole("group", { name: /構成員/ }));
    await waitFor(() => expect(members.getAllByRole("checkbox")).toHaveLength(3));
    expect(members.queryByRole("checkbox", { name: /受入 次郎/ })).toBeNull();
    expect(members.queryByRole("checkbox", { name: /停止 三郎/ })).toBeNull();

    fireEvent.click(within(form()).getByRole("button", { name: "作成する" }));
    expect(await screen.findByText("会議の名前を入力してください")).toBeTruthy();
    expect(screen.getByText("構成員を1人以上選んでください")).toBeTruthy();
    expect(sent.some((s) => s.operationName === "CreateSupportMeetingGroup")).toBe(false);

    fireEvent.change(within(form()).getByRole("textbox", { name: /会議の名前/ }), {
      target: { value: " 南地区 支援会議 " },
    });
    fireEvent.click(members.getByRole("checkbox", { name: "佐藤 花子 (コーディネーター)" }));
    fireEvent.click(members.getByRole("checkbox", { name: "鈴木 一郎 (コーディネーター)" }));
    fireEvent.click(within(form()).getByRole("button", { name: "作成する" }));
    expect(await screen.findByText("「南地区 支援会議」を作成しました。")).toBeTruthy();
    await waitFor(() => expect(within(rowOf("南地区 支援会議")).getByText("鈴木 一郎")).toBeTruthy());
  });

  it("replaces the members of a meeting and renames it; the server's refusal shows beside the field", async () => {
    const renamed = { ...north, name: "北部 支援会議", members: [member(SUZUKI)] };
    const { sent } = page([
      list([north]),
      {
        request: {
          query: UpdateSupportMeetingGroupDocument,
          variables: { input: { id: "g-1", name: "南地区 支援会議", memberIds: [SUZUKI.id] } },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.name", messages: ["同じ名前の支援会議があります。別の名前にしてください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
      {
        request: {
          query: UpdateSupportMeetingGroupDocument,
          variables: { input: { id: "g-1", name: "北部 支援会議", memberIds: [SUZUKI.id] } },
        },
        result: {
          data: {
            updateSupportMeetingGroup: { __typename: "SupportMeetingGroupPayload", supportMeetingGroup: renamed },
          },
        },
        delay: 0,
      },
    ]);
    await waitFor(() => rowOf("北地区 支援会議"));
    fireEvent.click(screen.getByRole("button", { name: "北地区 支援会議 を編集" }));
    const edit = within(form());
    expect(edit.getByRole("heading", { name: "北地区 支援会議 を編集" })).toBeTruthy();
    await waitFor(() => expect(edit.getByRole("checkbox", { name: "佐藤 花子 (コーディネーター)" })).toBeTruthy());
    expect(edit.getByRole<HTMLInputElement>("checkbox", { name: "佐藤 花子 (コーディネーター)" }).checked).toBe(true);

    // No member left: said before anything is sent.
    fireEvent.click(edit.getByRole("checkbox", { name: "佐藤 花子 (コーディネーター)" }));
    fireEvent.click(edit.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("構成員を1人以上選んでください")).toBeTruthy();
    expect(sent.some((s) => s.operationName === "UpdateSupportMeetingGroup")).toBe(false);

    // A name already taken: the server's message beside the name box.
    fireEvent.click(edit.getByRole("checkbox", { name: "鈴木 一郎 (コーディネーター)" }));
    fireEvent.change(edit.getByRole("textbox", { name: /会議の名前/ }), { target: { value: "南地区 支援会議" } });
    fireEvent.click(edit.getByRole("button", { name: "保存する" }));
    const message = await screen.findByText("同じ名前の支援会議があります。別の名前にしてください");
    const nameBox = edit.getByRole("textbox", { name: /会議の名前/ });
    expect(nameBox.getAttribute("aria-invalid")).toBe("true");
    expect(nameBox.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);

    fireEvent.change(nameBox, { target: { value: "北部 支援会議" } });
    fireEvent.click(edit.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("「北部 支援会議」を保存しました。構成員の変更はすぐに反映されます。")).toBeTruthy();
    await waitFor(() => expect(within(rowOf("北部 支援会議")).getByText("鈴木 一郎")).toBeTruthy());
    expect(within(rowOf("北部 支援会議")).queryByText("佐藤 花子")).toBeNull();
  });

  it("archives a meeting only after a confirmation that says what happens to its persons", async () => {
    const archivedAt = "2026-12-01T00:00:00.000Z";
    const archived = {
      ...north,
      archivedAt,
      viewerCan: { ...north.viewerCan, archive: false, restore: true },
    };
    const { sent } = page([
      list([north]),
      {
        request: { query: ArchiveSupportMeetingGroupDocument, variables: { id: "g-1" } },
        result: {
          data: {
            archiveSupportMeetingGroup: { __typename: "SupportMeetingGroupPayload", supportMeetingGroup: archived },
          },
        },
        delay: 0,
      },
      list([]),
      list([archived], true),
    ]);
    await waitFor(() => rowOf("北地区 支援会議"));
    fireEvent.click(screen.getByRole("button", { name: "北地区 支援会議 をアーカイブ" }));
    const confirm = within(
      screen.getByRole("heading", { level: 2, name: "「北地区 支援会議」をアーカイブしますか" }).closest("section")!,
    );
    expect(confirm.getByText(/この会議の本人 3人 は、構成員から今までどおり見えます/)).toBeTruthy();
    fireEvent.click(confirm.getByRole("button", { name: "やめる" }));
    expect(screen.queryByRole("heading", { name: /をアーカイブしますか/ })).toBeNull();
    expect(sent.some((s) => s.operationName === "ArchiveSupportMeetingGroup")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "北地区 支援会議 をアーカイブ" }));
    fireEvent.click(screen.getByRole("button", { name: "アーカイブする" }));
    expect(await screen.findByText("「北地区 支援会議」をアーカイブしました。")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: "北地区 支援会議" })).toBeNull());
    expect(screen.getByText("支援会議はまだありません。")).toBeTruthy();

    fireEvent.click(screen.getByRole("checkbox", { name: "アーカイブ済みも表示" }));
    await waitFor(() => expect(within(rowOf("北地区 支援会議")).getByText("アーカイブ済み")).toBeTruthy());
    expect(screen.getByRole("button", { name: "北地区 支援会議 を元に戻す" })).toBeTruthy();
  });

  it("shows a refused archive inside the confirmation, and keeps the meeting in the list", async () => {
    page([
      list([north]),
      {
        request: { query: ArchiveSupportMeetingGroupDocument, variables: { id: "g-1" } },
        result: {
          errors: [new GraphQLError("この操作を行う権限がありません", { extensions: { code: "FORBIDDEN" } })],
        },
        delay: 0,
      },
    ]);
    await waitFor(() => rowOf("北地区 支援会議"));
    fireEvent.click(screen.getByRole("button", { name: "北地区 支援会議 をアーカイブ" }));
    fireEvent.click(screen.getByRole("button", { name: "アーカイブする" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("この操作を行う権限がありません");
    expect(alert.closest("section")!.textContent).toContain("「北地区 支援会議」をアーカイブしますか");
    expect(within(rowOf("北地区 支援会議")).getByText("開催中")).toBeTruthy();
  });
});
