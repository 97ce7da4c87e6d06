import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  ChangeUserRoleDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  IssueTemporaryPasswordDocument,
  ReactivateUserDocument,
  ResetTwoFactorDocument,
  SignOutUserDocument,
  UserOrganizationChoicesDocument,
  UsersPageDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { toCreateUserInput } from "./CreateUserForm";
import { UsersPage } from "./UsersPage";

afterEach(cleanup);

const ORG = { __typename: "Organization", id: "5f0c8e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6", name: "NPO法人 ひだまり" };

const user = (id: string, email: string, displayName: string, role: string, extra: Record<string, unknown> = {}) => ({
  __typename: "User",
  id,
  email,
  displayName,
  role,
  active: true,
  twoFactorEnabled: false,
  mustChangePassword: false,
  organization: null,
  ...extra,
});

const usersPage = (
  nodes: ReturnType<typeof user>[],
  totalCount: number,
  hasNextPage = false,
): MockLink.MockedResponse["result"] => ({
  data: {
    users: {
      __typename: "UserConnection",
      totalCount,
      pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: nodes.at(-1)?.email ?? null },
      edges: nodes.map((node) => ({ __typename: "UserEdge", node })),
    },
  },
});

const listMock: MockLink.MockedResponse = {
  request: { query: UsersPageDocument, variables: { first: 50 } },
  result: usersPage(
    [
      user("u-1", "admin@example.jp", "管理 太郎", "ADMIN"),
      user("u-3", "host@example.jp", "ひだまり 受付", "HOST", { organization: ORG }),
      user("u-4", "viewer@example.jp", "閲覧 花子", "VIEWER", { active: false }),
    ],
    3,
  ),
  delay: 0,
};

const orgsMock: MockLink.MockedResponse = {
  request: { query: UserOrganizationChoicesDocument, variables: { first: 100 } },
  result: {
    data: {
      organizations: {
        __typename: "OrganizationConnection",
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "o1" },
        edges: [{ __typename: "OrganizationEdge", node: ORG }],
      },
    },
  },
  delay: 0,
};

const PASSWORD = "みどりの坂道を歩く朝";

function renderUsers(mocks: MockLink.MockedResponse[]) {
  return renderPage(<UsersPage />, { path: "/admin/users", url: "/admin/users", mocks: [listMock, ...mocks] });
}

function fillForm({ email, name, role }: { email: string; name: string; role: string }) {
  fireEvent.change(screen.getByRole("textbox", { name: "メールアドレス" }), { target: { value: email } });
  fireEvent.change(screen.getByRole("textbox", { name: /^表示名/ }), { target: { value: name } });
  fireEvent.click(screen.getByRole("radio", { name: role }));
  fireEvent.change(screen.getByLabelText(/^初期パスワード/), { target: { value: PASSWORD } });
}

const emails = () =>
  within(screen.getByRole("table", { name: "アカウント (メールアドレス順)" }))
    .getAllByRole("rowheader")
    .map((th) => th.textContent);

describe("UsersPage", () => {
  it("lists every account with its role, organization and state", async () => {
    renderUsers([]);
    expect(screen.getByRole("heading", { level: 1, name: "アカウント" })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("status")[0].textContent).toBe("全 3 件 (3 件を表示)"));
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(
      rows.map((r) => [
        within(r).getByRole("rowheader").textContent,
        ...within(r)
          .getAllByRole("cell")
          .slice(0, 5)
          .map((c) => c.textContent),
      ]),
    ).toEqual([
      ["admin@example.jp", "管理 太郎", "管理者", "—", "有効", "未設定"],
      ["host@example.jp", "ひだまり 受付", "受け入れ先", "NPO法人 ひだまり", "有効", "未設定"],
      ["viewer@example.jp", "閲覧 花子", "閲覧者", "—", "停止中", "未設定"],
    ]);
    // The password field explains the policy, and is for a new password.
    const password = screen.getByLabelText(/^初期パスワード/);
    expect(password.getAttribute("autocomplete")).toBe("new-password");
    expect(document.getElementById(password.getAttribute("aria-describedby")!)!.textContent).toMatch(
      /^12文字以上128文字以内。/,
    );
    // The organization is asked only for a 受け入れ先 account.
    expect(screen.queryByRole("combobox", { name: /所属する団体/ })).toBeNull();
  });

  it("creates a coordinator, who then appears in the list in e-mail order", async () => {
    const { sent } = renderUsers([
      {
        request: {
          query: CreateUserDocument,
          variables: {
            input: {
              email: "coordinator2@example.jp",
              displayName: "鈴木 一郎",
              role: "COORDINATOR",
              password: PASSWORD,
            },
          },
        },
        result: {
          data: {
            createUser: {
              __typename: "CreateUserPayload",
              user: user("u-9", "coordinator2@example.jp", "鈴木 一郎", "COORDINATOR"),
            },
          },
        },
        delay: 0,
      },
    ]);
    await screen.findByRole("table");
    fillForm({ email: " coordinator2@example.jp ", name: "鈴木 一郎 ", role: "コーディネーター" });
    fireEvent.click(screen.getByRole("button", { name: "アカウントを作成" }));

    expect(
      await screen.findByText(
        "鈴木 一郎 さんのアカウント (coordinator2@example.jp) を作成しました。一覧に加わっています。",
      ),
    ).toBeTruthy();
    expect(emails()).toEqual(["admin@example.jp", "coordinator2@example.jp", "host@example.jp", "viewer@example.jp"]);
    expect(screen.getAllByRole("status")[0].textContent).toBe("全 4 件 (4 件を表示)");
    // The form is empty again, ready for the next account.
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "メールアドレス" }).value).toBe("");
    expect(screen.getByLabelText<HTMLInputElement>(/^初期パスワード/).value).toBe("");
    expect(sent.map((s) => s.operationName)).toEqual(["UsersPage", "CreateUser"]);
  });

  it("asks for an organization for a host account and sends it", async () => {
    renderUsers([
      orgsMock,
      {
        request: {
          query: CreateUserDocument,
          variables: {
            input: {
              email: "host2@example.jp",
              displayName: "ひだまり 2",
              role: "HOST",
              password: PASSWORD,
              organizationId: ORG.id,
            },
          },
        },
        result: {
          data: {
            createUser: {
              __typename: "CreateUserPayload",
              user: user("u-8", "host2@example.jp", "ひだまり 2", "HOST", { organization: ORG }),
            },
          },
        },
        delay: 0,
      },
    ]);
    await screen.findByRole("table");
    fillForm({ email: "host2@example.jp", name: "ひだまり 2", role: "受け入れ先" });
    fireEvent.click(screen.getByRole("button", { name: "アカウントを作成" }));
    expect(screen.getByText("受け入れ先のアカウントには団体を選んでください")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください。");

    const select = screen.getByRole("combobox", { name: /所属する団体/ });
    await within(select).findByRole("option", { name: "NPO法人 ひだまり" });
    fireEvent.change(select, { target: { value: ORG.id } });
    fireEvent.click(screen.getByRole("button", { name: "アカウントを作成" }));
    expect(await screen.findByText(/ひだまり 2 さんのアカウント/)).toBeTruthy();
    expect(emails()).toContain("host2@example.jp");
  });

  it("shows the server's messages beside their fields and keeps what was typed", async () => {
    renderUsers([
      {
        request: {
          query: CreateUserDocument,
          variables: {
            input: { email: "admin@example.jp", displayName: "管理 次郎", role: "ADMIN", password: PASSWORD },
          },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [
                  {
                    field: "input.password",
                    messages: ["よく使われていて推測されやすいパスワードです。別のものにしてください"],
                  },
                  { field: "input.email", messages: ["このメールアドレスはすでに登録されています"] },
                ],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    await screen.findByRole("table");
    fillForm({ email: "admin@example.jp", name: "管理 次郎", role: "管理者" });
    fireEvent.click(screen.getByRole("button", { name: "アカウントを作成" }));

    const emailMessage = await screen.findByText("このメールアドレスはすでに登録されています");
    const email = screen.getByRole("textbox", { name: "メールアドレス" });
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toContain(emailMessage.closest("ul")!.id);
    const password = screen.getByLabelText(/^初期パスワード/);
    expect(password.getAttribute("aria-describedby")).toContain(
      screen.getByText("よく使われていて推測されやすいパスワードです。別のものにしてください").closest("ul")!.id,
    );
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
    expect((email as HTMLInputElement).value).toBe("admin@example.jp");
    expect(emails()).toHaveLength(3);
  });
});

describe("toCreateUserInput", () => {
  it("names every blank, keyed like the server's fields", () => {
    expect(toCreateUserInput({ email: " ", displayName: "", role: null, organizationId: "", password: "" })).toEqual({
      ok: false,
      errors: {
        email: ["メールアドレスを入力してください"],
        displayName: ["表示名を入力してください"],
        role: ["役割を選んでください"],
        password: ["初期パスワードを入力してください"],
      },
    });
  });

  it("sends the organization only for a host (a hidden choice must not travel)", () => {
    const form = {
      email: "a@example.jp",
      displayName: "A",
      role: "VIEWER" as const,
      organizationId: ORG.id,
      password: PASSWORD,
    };
    expect(toCreateUserInput(form)).toEqual({
      ok: true,
      input: { email: "a@example.jp", displayName: "A", role: "VIEWER", password: PASSWORD },
    });
    expect(toCreateUserInput({ ...form, role: "HOST" })).toEqual({
      ok: true,
      input: { email: "a@example.jp", displayName: "A", role: "HOST", password: PASSWORD, organizationId: ORG.id },
    });
  });
});

describe("UsersPage: an ADMIN's actions on an account", () => {
  it("issues a temporary password and shows it once; shows the server's refusal to stop the last administrator", async () => {
    renderUsers([
      orgsMock,
      {
        request: { query: IssueTemporaryPasswordDocument, variables: { input: { userId: "u-3" } } },
        result: {
          data: {
            issueTemporaryPassword: {
              __typename: "IssueTemporaryPasswordPayload",
              user: user("u-3", "host@example.jp", "ひだまり 受付", "HOST", {
                organization: ORG,
                mustChangePassword: true,
              }),
              temporaryPassword: "abcd-EFGH-2345-jkmn",
            },
          },
        },
        delay: 0,
      },
      {
        request: { query: DeactivateUserDocument, variables: { input: { userId: "u-1" } } },
        result: {
          errors: [
            new GraphQLError(
              "有効な管理者がほかにいないため、このアカウントを無効にしたり役割を変えたりすることはできません",
              {
                extensions: { code: "CONFLICT" },
              },
            ),
          ],
        },
        delay: 0,
      },
    ]);
    const hostActions = await screen.findByRole("group", { name: "ひだまり 受付 さんのアカウントの操作" });
    fireEvent.click(within(hostActions).getByRole("button", { name: "仮パスワードを発行" }));
    confirmIn(await screen.findByRole("alertdialog", { name: "「仮パスワードを発行」の確認" }), "仮パスワードを発行");
    expect(await screen.findByText("abcd-EFGH-2345-jkmn")).toBeTruthy();
    expect(screen.getByText(/ひだまり 受付 さんの仮パスワードを発行しました/)).toBeTruthy();
    const hostRow = screen.getByRole("rowheader", { name: "host@example.jp" }).closest("tr")!;
    expect(within(hostRow).getByText("仮パスワード")).toBeTruthy();

    const adminActions = screen.getByRole("group", { name: "管理 太郎 さんのアカウントの操作" });
    fireEvent.click(within(adminActions).getByRole("button", { name: "停止する" }));
    confirmIn(await screen.findByRole("alertdialog"), "停止する");
    expect((await screen.findByRole("alert")).textContent).toContain("有効な管理者がほかにいない");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });
});

/** Presses the dialog's own button (the row's button of the same name is behind the modal dialog). */
function confirmIn(dialog: HTMLElement, name: string) {
  fireEvent.click(within(dialog).getByRole("button", { name }));
}

const TARO = user("u-5", "taro@example.jp", "山田 太郎", "COORDINATOR", { twoFactorEnabled: true });
const payload = (typename: string) => ({ __typename: typename, user: TARO });

/** Every action on 山田 太郎's row that asks first: its button, the question, and the mutation it sends when confirmed. */
const CONFIRMED: {
  button: string;
  question: string;
  query: MockLink.MockedResponse["request"]["query"];
  input: Record<string, unknown>;
  data: Record<string, unknown>;
  done: string;
  before?: () => void;
}[] = [
  {
    button: "停止する",
    question:
      "山田 太郎 さんのアカウントを停止します。ログイン中の端末はすべてログアウトし、再開するまでログインできません。よろしいですか?",
    query: DeactivateUserDocument,
    input: { userId: "u-5" },
    data: { deactivateUser: payload("UserPayload") },
    done: "山田 太郎 さんのアカウントを停止しました。",
  },
  {
    button: "仮パスワードを発行",
    question:
      "山田 太郎 さんに仮パスワードを発行します。今のパスワードは使えなくなり、ログイン中の端末はすべてログアウトします。よろしいですか?",
    query: IssueTemporaryPasswordDocument,
    input: { userId: "u-5" },
    data: {
      issueTemporaryPassword: {
        __typename: "IssueTemporaryPasswordPayload",
        user: TARO,
        temporaryPassword: "wxyz-WXYZ-2345-abcd",
      },
    },
    done: "山田 太郎 さんの仮パスワードを発行しました。",
  },
  {
    button: "全端末からログアウト",
    question:
      "山田 太郎 さんを、ログイン中のすべての端末からログアウトさせます。保存していない入力は失われます。よろしいですか?",
    query: SignOutUserDocument,
    input: { userId: "u-5" },
    data: { signOutUser: { __typename: "SignOutUserPayload", sessionsEnded: 2 } },
    done: "山田 太郎 さんを 2 台の端末からログアウトさせました。",
  },
  {
    button: "二段階認証をリセット",
    question:
      "山田 太郎 さんの二段階認証をリセットします。認証アプリと回復コードは使えなくなり、ログイン中の端末はすべてログアウトします。よろしいですか?",
    query: ResetTwoFactorDocument,
    input: { userId: "u-5" },
    data: { resetTwoFactor: payload("UserPayload") },
    done: "山田 太郎 さんの二段階認証をリセットしました。",
  },
  {
    button: "役割を変更",
    question:
      "山田 太郎 さんの役割を「コーディネーター」から「閲覧者」に変更します。次の操作から、見られる情報とできる操作が変わります。よろしいですか?",
    query: ChangeUserRoleDocument,
    input: { userId: "u-5", role: "VIEWER" },
    data: { changeUserRole: payload("UserPayload") },
    done: "山田 太郎 さんの役割を変更しました。",
    before: () =>
      fireEvent.change(screen.getByRole("combobox", { name: "山田 太郎 さんの役割" }), { target: { value: "VIEWER" } }),
  },
];

describe("UsersPage: the actions that end sessions, a password, a second factor or a role ask first", () => {
  const renderTaro = (mocks: MockLink.MockedResponse[], rows = [TARO]) =>
    renderPage(<UsersPage />, {
      path: "/admin/users",
      url: "/admin/users",
      mocks: [{ ...listMock, result: usersPage(rows, rows.length) }, ...mocks],
    });

  it.each(CONFIRMED)("$button: キャンセル sends nothing and changes nothing", async ({ button, question, before }) => {
    const { sent } = renderTaro([]);
    const row = await screen.findByRole("group", { name: "山田 太郎 さんのアカウントの操作" });
    before?.();
    const opener = within(row).getByRole("button", { name: button });
    // A click focuses the button in a browser; fireEvent does not.
    opener.focus();
    fireEvent.click(opener);

    const dialog = await screen.findByRole("alertdialog", { name: `「${button}」の確認` });
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)!.textContent).toBe(question);
    // The harmless choice has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "キャンセル" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(document.activeElement).toBe(opener);
    // Give a stray request the time to leave; none may.
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((s) => s.operationName)).toEqual(["UsersPage"]);
    expect(screen.getByRole("rowheader", { name: "taro@example.jp" }).closest("tr")!.textContent).toContain("有効");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getAllByRole("status")[1].textContent).toBe("");
  });

  it.each(CONFIRMED)("$button: confirming sends it once and announces the result", async (c) => {
    const { sent } = renderTaro([
      { request: { query: c.query, variables: { input: c.input } }, result: { data: c.data }, delay: 0 },
    ]);
    const row = await screen.findByRole("group", { name: "山田 太郎 さんのアカウントの操作" });
    c.before?.();
    fireEvent.click(within(row).getByRole("button", { name: c.button }));
    expect(sent.map((s) => s.operationName)).toEqual(["UsersPage"]);

    confirmIn(await screen.findByRole("alertdialog", { name: `「${c.button}」の確認` }), c.button);
    expect(await screen.findByText(c.done, { exact: false })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(sent.slice(1)).toEqual([{ operationName: expect.any(String), variables: { input: c.input } }]);
  });

  it("再開 runs at once: giving access back needs no confirmation", async () => {
    const { sent } = renderTaro(
      [
        {
          request: { query: ReactivateUserDocument, variables: { input: { userId: "u-5" } } },
          result: { data: { reactivateUser: payload("UserPayload") } },
          delay: 0,
        },
      ],
      [{ ...TARO, active: false }],
    );
    const row = await screen.findByRole("group", { name: "山田 太郎 さんのアカウントの操作" });
    fireEvent.click(within(row).getByRole("button", { name: "再開する" }));
    expect(await screen.findByText("山田 太郎 さんのアカウントを再開しました。")).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(sent.map((s) => s.operationName)).toEqual(["UsersPage", "ReactivateUser"]);
  });

  it("受け入れ先 needs its organization: the change waits for one and sends it", async () => {
    const input = { userId: "u-5", role: "HOST", organizationId: ORG.id };
    const { sent } = renderTaro([
      orgsMock,
      {
        request: { query: ChangeUserRoleDocument, variables: { input } },
        result: { data: { changeUserRole: payload("UserPayload") } },
        delay: 0,
      },
    ]);
    const row = await screen.findByRole("group", { name: "山田 太郎 さんのアカウントの操作" });
    expect(within(row).queryByRole("combobox", { name: /所属する団体/ })).toBeNull();
    fireEvent.change(within(row).getByRole("combobox", { name: "山田 太郎 さんの役割" }), {
      target: { value: "HOST" },
    });
    const change = within(row).getByRole<HTMLButtonElement>("button", { name: "役割を変更" });
    expect(change.disabled).toBe(true);
    const organization = within(row).getByRole("combobox", {
      name: "山田 太郎 さんの所属する団体 (受け入れ先に変えるとき)",
    });
    await within(organization).findByRole("option", { name: ORG.name });
    fireEvent.change(organization, { target: { value: ORG.id } });
    expect(change.disabled).toBe(false);

    fireEvent.click(change);
    confirmIn(await screen.findByRole("alertdialog", { name: "「役割を変更」の確認" }), "役割を変更");
    expect(await screen.findByText("山田 太郎 さんの役割を変更しました。", { exact: false })).toBeTruthy();
    expect(sent.filter((s) => s.operationName === "ChangeUserRole")).toEqual([
      { operationName: "ChangeUserRole", variables: { input } },
    ]);
  });
});
