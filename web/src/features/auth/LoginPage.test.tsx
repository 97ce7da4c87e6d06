import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { LoginDocument, SignInOptionsDocument, ViewerDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { LoginPage } from "./LoginPage";
import { safeNextPath } from "./login-errors";

afterEach(cleanup);

const signedOut: MockLink.MockedResponse = {
  request: { query: ViewerDocument },
  result: { data: { me: null } },
  delay: 0,
};
const input = { email: "host@example.jp", password: "tsunagu-demo-2026" };

function loginMock(result: MockLink.MockedResponse["result"]): MockLink.MockedResponse {
  return { request: { query: LoginDocument, variables: { input } }, result, delay: 0 };
}

const hostUser = {
  __typename: "User",
  id: "u-host",
  displayName: "山本 直樹",
  role: "HOST",
  organization: { __typename: "Organization", id: "org-1", name: "社会福祉法人 若葉会" },
};

function renderLogin(url: string, mocks: MockLink.MockedResponse[]) {
  return renderPage(<LoginPage />, {
    path: "/login",
    url,
    mocks: [signedOut, ...mocks],
    otherRoutes: [
      { path: "/host", element: <p>ホーム: 受け入れ先</p> },
      { path: "/host/referrals/:id", element: <p>紹介の画面</p> },
    ],
  });
}

async function fillAndSubmit(email = input.email, password = input.password) {
  fireEvent.change(await screen.findByRole("textbox", { name: "メールアドレス" }), { target: { value: ` ${email} ` } });
  fireEvent.change(screen.getByLabelText("パスワード"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "ログイン" }));
}

describe("LoginPage", () => {
  it("says how long 「ログインしたままにする」 lasts, as the server is set", async () => {
    renderLogin("/login", [
      {
        request: { query: SignInOptionsDocument },
        result: { data: { signInOptions: { __typename: "SignInOptions", oidcEnabled: false, staySignedInHours: 8 } } },
        delay: 0,
      },
    ]);
    expect(await screen.findByText("共用のパソコンでは選ばないでください (最長8時間でログアウトします)")).toBeTruthy();
  });

  it("signs in (email trimmed) and goes to the role's start page", async () => {
    const { router } = renderLogin("/login", [
      loginMock({ data: { login: { __typename: "LoginPayload", user: hostUser, pendingSetup: null } } }),
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "ログイン" })).toBeTruthy();
    await fillAndSubmit();
    expect(await screen.findByText("ホーム: 受け入れ先")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/host");
  });

  it("returns to the page that asked for sign-in (?next=)", async () => {
    const { router } = renderLogin(`/login?next=${encodeURIComponent("/host/referrals/m-1")}`, [
      loginMock({ data: { login: { __typename: "LoginPayload", user: hostUser, pendingSetup: null } } }),
    ]);
    await fillAndSubmit();
    expect(await screen.findByText("紹介の画面")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/host/referrals/m-1");
  });

  it("says the email or password is wrong, from the reason or (older server) from its message, and clears the password", async () => {
    renderLogin("/login", [
      loginMock({
        errors: [
          new GraphQLError("メールアドレスまたはパスワードが正しくありません", {
            extensions: { code: "UNAUTHENTICATED" },
          }),
        ],
      }),
    ]);
    await fillAndSubmit();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("メールアドレスまたはパスワードが正しくありません");
    expect(screen.getByLabelText<HTMLInputElement>("パスワード").value).toBe("");
    // The message takes the focus (ErrorSummary), so it is read out and in view.
    expect(document.activeElement).toBe(alert);
  });

  it("explains a lockout with the minutes to wait", async () => {
    renderLogin("/login", [
      loginMock({
        errors: [
          new GraphQLError("locked", {
            extensions: { code: "UNAUTHENTICATED", reason: "LOCKED", retryAfterSeconds: 590 },
          }),
        ],
      }),
    ]);
    await fillAndSubmit();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("一時的にログインできません");
    expect(alert.textContent).toContain("約10分後");
    expect(alert.textContent).toContain("システム管理者");
  });

  it("shows a field's message beside the field", async () => {
    renderLogin("/login", [
      loginMock({
        errors: [
          new GraphQLError("入力内容を確認してください", {
            extensions: {
              code: "BAD_USER_INPUT",
              fields: [{ field: "input.email", messages: ["メールアドレスの形式が正しくありません"] }],
            },
          }),
        ],
      }),
    ]);
    await fillAndSubmit();
    await screen.findByRole("alert");
    const email = screen.getByRole("textbox", { name: "メールアドレス" });
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ").at(-1)!)?.textContent).toBe(
      "メールアドレスの形式が正しくありません",
    );
  });
});

describe("safeNextPath", () => {
  it("keeps paths inside the app and refuses other origins", () => {
    expect(safeNextPath("/people/1?tab=a")).toBe("/people/1?tab=a");
    expect(safeNextPath("//evil.example/x")).toBeNull();
    expect(safeNextPath("https://evil.example")).toBeNull();
    expect(safeNextPath("/\\evil.example")).toBeNull();
    expect(safeNextPath("/login?next=/x")).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});
