/**
 * 「自治体のアカウントでログイン」 in the browser: the login page's button leads to the city's identity provider (a real
 * OpenID provider on loopback, started by global-setup), the person signs in and consents there, and lands in tsunagu
 * signed in as the account whose verified e-mail the provider sent, on the page that asked for sign-in. Someone the
 * provider knows but tsunagu does not is sent back to the login page with a Japanese explanation, and is not signed in.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { checkA11y } from "./support/a11y";
import { baseUrl } from "./support/api";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { E2E_OIDC_ACCOUNT, E2E_OIDC_STRANGER } from "./support/oidc";
import type { ProviderAccount } from "../../server/src/test/oidc-provider";

const { newSession } = useBrowser();

async function signInAtProvider(page: Page, account: ProviderAccount) {
  const issuer = inject("e2eOidcIssuer");
  await visit(page, "/login?next=%2Fpeople", "ログイン");
  await page.getByRole("link", { name: "自治体のアカウントでログイン" }).click();
  await page.waitForURL((u) => u.origin === issuer);
  await page.getByRole("heading", { name: "テスト用 ID 基盤" }).waitFor();
  await page.getByLabel("ユーザー名").fill(account.login);
  await page.getByLabel("パスワード").fill(account.password);
  await page.getByRole("button", { name: "サインイン" }).click();
  await page.getByRole("button", { name: "許可する" }).click();
  await page.waitForURL((u) => u.origin === new URL(baseUrl()).origin && !u.pathname.startsWith("/auth/"));
}

const me = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ me { email role } }" }),
    });
    return ((await res.json()) as { data: { me: { email: string; role: string } | null } }).data.me;
  });

describe("sign-in through the city's identity provider", () => {
  it("clicks the button, signs in at the provider, and lands in tsunagu signed in on the page that asked", async () => {
    const { page } = await newSession({ allowOrigins: [inject("e2eOidcIssuer")] });
    await signInAtProvider(page, E2E_OIDC_ACCOUNT);
    await waitForPage(page);
    expect(new URL(page.url()).pathname).toBe("/people");
    await page.getByText("中村 裕子").first().waitFor();
    expect(await me(page)).toEqual({ email: "coordinator2@example.jp", role: "COORDINATOR" });
  });

  it("sends someone tsunagu does not know back to the login page, in Japanese, signed out", async () => {
    const { page } = await newSession({ allowOrigins: [inject("e2eOidcIssuer")] });
    await signInAtProvider(page, E2E_OIDC_STRANGER);
    await waitForPage(page, "ログイン");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page
      .getByRole("alert")
      .getByText(/つなぐにこの方のアカウントがありません/)
      .waitFor();
    expect(await me(page)).toBeNull();
    await checkA11y(page, "login-oidc-refused");
  });
});
