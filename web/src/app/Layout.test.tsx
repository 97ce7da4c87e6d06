import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { LOGOUT_EVERYWHERE } from "../features/auth/use-logout";
import { renderPage } from "../ui/test-utils";
import { VIEWER_QUERY } from "./viewer";
import { Layout } from "./Layout";

const viewer = {
  request: { query: VIEWER_QUERY },
  result: {
    data: {
      me: {
        __typename: "User",
        id: "u1",
        displayName: "佐藤 みのり",
        role: "COORDINATOR",
        pendingSetup: null,
        organization: null,
      },
    },
  },
};

afterEach(cleanup);

describe("Layout", () => {
  it("shows the menu for the viewer's role", async () => {
    renderPage(<Layout />, { path: "/", url: "/", mocks: [viewer] });
    expect(await screen.findByText("佐藤 みのり さん")).toBeTruthy();
    const menu = screen.getByRole("navigation", { name: "メインメニュー" });
    expect(menu.textContent).toContain("本人一覧");
    expect(menu.textContent).not.toContain("受け入れ先ポータル");
  });

  it("offers ログイン to an anonymous visitor, coming back to the page afterwards", async () => {
    const { router } = renderPage(<Layout />, {
      path: "/resources",
      url: "/resources?text=%E3%82%B5%E3%83%AD%E3%83%B3",
      mocks: [{ request: { query: VIEWER_QUERY }, result: { data: { me: null } } }],
      otherRoutes: [{ path: "/login", element: <p>login</p> }],
    });
    const login = await screen.findByRole("link", { name: "ログイン" });
    expect(screen.queryByRole("button", { name: "ログアウト" })).toBeNull();
    fireEvent.click(login);
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe(
      "/resources?text=%E3%82%B5%E3%83%AD%E3%83%B3",
    );
  });

  it("offers no ログイン link to a signed-in user", async () => {
    renderPage(<Layout />, { path: "/", url: "/", mocks: [viewer] });
    await screen.findByText("佐藤 みのり さん");
    expect(screen.queryByRole("link", { name: "ログイン" })).toBeNull();
  });

  it("logs out of every device: ends all sessions, then goes to ログイン", async () => {
    const { sent, router } = renderPage(<Layout />, {
      path: "/",
      url: "/",
      mocks: [viewer, { request: { query: LOGOUT_EVERYWHERE }, result: { data: { logoutEverywhere: 3 } } }],
      otherRoutes: [{ path: "/login", element: <p>login</p> }],
    });
    await screen.findByText("佐藤 みのり さん");
    fireEvent.click(screen.getByText("その他"));
    fireEvent.click(screen.getByRole("button", { name: "すべての端末からログアウト" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(sent.map((s) => s.operationName)).toContain("LogoutEverywhere");
  });
});
