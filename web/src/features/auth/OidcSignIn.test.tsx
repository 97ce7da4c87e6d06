import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { SignInOptionsDocument, ViewerDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { LoginPage } from "./LoginPage";

afterEach(cleanup);

const signedOut: MockLink.MockedResponse = {
  request: { query: ViewerDocument },
  result: { data: { me: null } },
  delay: 0,
};
const options = (oidcEnabled: boolean): MockLink.MockedResponse => ({
  request: { query: SignInOptionsDocument },
  result: { data: { signInOptions: { __typename: "SignInOptions", oidcEnabled, staySignedInHours: 12 } } },
  delay: 0,
});

describe("ログイン: 自治体のアカウント", () => {
  it("offers the identity provider when the server has one, keeping the page that asked for sign-in", async () => {
    renderPage(<LoginPage />, { path: "/login", url: "/login?next=%2Fpeople", mocks: [signedOut, options(true)] });
    const link = await screen.findByRole("link", { name: "自治体のアカウントでログイン" });
    expect(link.getAttribute("href")).toBe("/auth/oidc/start?next=%2Fpeople");
    expect(screen.getByRole("button", { name: "ログイン" })).toBeTruthy();
  });

  it("shows no such button without one", async () => {
    renderPage(<LoginPage />, { path: "/login", url: "/login", mocks: [signedOut, options(false)] });
    await screen.findByRole("button", { name: "ログイン" });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("link", { name: "自治体のアカウントでログイン" })).toBeNull();
  });

  it("says in Japanese why the provider's sign-in was refused, and ignores unknown reasons", async () => {
    renderPage(<LoginPage />, {
      path: "/login",
      url: "/login?oidcError=UNKNOWN_USER",
      mocks: [signedOut, options(true)],
    });
    expect(await screen.findByText(/つなぐにこの方のアカウントがありません/)).toBeTruthy();
    cleanup();
    renderPage(<LoginPage />, { path: "/login", url: "/login?oidcError=INACTIVE", mocks: [signedOut, options(true)] });
    expect(await screen.findByText(/利用停止中です/)).toBeTruthy();
    cleanup();
    renderPage(<LoginPage />, { path: "/login", url: "/login?oidcError=%3Cb%3E", mocks: [signedOut, options(true)] });
    await screen.findByRole("link", { name: "自治体のアカウントでログイン" });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
