/**
 * Staff identity in the browser. A coordinator signs in with the form, sets up 二段階認証 by reading the key shown on
 * the page into an "authenticator" (the test computes the RFC 6238 code itself), signs out, and signs in again with
 * the password and the code. Then an administrator issues a temporary password from アカウント; the user signs in
 * with it, is held on パスワードの変更 until it is changed, and can then use the app.
 */
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { base32Decode, totpAt } from "../../server/src/auth/totp";
import { apiAs } from "./support/api";
import { checkA11y } from "./support/a11y";
import { url, useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const ADMIN = "admin@example.jp";
const adminApi = apiAs(ADMIN);
const { newSession } = useBrowser();
const step = journeySteps();

const stamp = Date.now().toString(36);
// "a-…" sorts the accounts first in アカウント (by e-mail), on its first page.
const totpUser = { email: `a-totp-${stamp}@example.jp`, name: "二段階 確子", password: "midorino-kakunin-2026-aki" };
const tempUser = { email: `a-temp-${stamp}@example.jp`, name: "仮 パス子", password: "midorino-karipass-2026-fuyu" };

async function createCoordinator(u: { email: string; name: string; password: string }) {
  await adminApi(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { email: u.email, displayName: u.name, role: "COORDINATOR", password: u.password },
  });
}

async function mustChangePassword(email: string): Promise<boolean> {
  const { users } = await adminApi<{ users: { edges: { node: { email: string; mustChangePassword: boolean } }[] } }>(
    `{ users(first: 100) { edges { node { email mustChangePassword } } } }`,
  );
  const found = users.edges.find((e) => e.node.email === email);
  if (!found) throw new Error(`no account ${email} on the first page of アカウント`);
  return found.node.mustChangePassword;
}

async function fillLogin(page: Page, email: string, password: string, staySignedIn = false) {
  await page.getByRole("textbox", { name: "メールアドレス" }).fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  if (staySignedIn) await page.getByRole("checkbox", { name: "ログインしたままにする" }).check();
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

let secret = "";

describe("account security journey", () => {
  step("a coordinator sets up 二段階認証 from the key on the page and keeps the ten recovery codes", async () => {
    await createCoordinator(totpUser);
    const { page } = await newSession({ forFile: true });
    await visit(page, "/login", "ログイン");
    await fillLogin(page, totpUser.email, totpUser.password);
    await waitForPage(page, "今日・今週のフォローアップ");

    await page.getByText("その他").click();
    await page.getByRole("link", { name: "二段階認証" }).click();
    await waitForPage(page, "二段階認証");
    await page.getByRole("button", { name: "設定を始める" }).click();
    const qr = page.getByRole("img", { name: "認証アプリに読み取らせる QR コード" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    secret = (await page.getByRole("code").innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await checkA11y(page, "two-factor-enrolment");

    await page.getByRole("textbox", { name: /確認コード/ }).fill(totpAt(base32Decode(secret), Date.now()));
    await page.getByRole("button", { name: "確認して設定する" }).click();
    const codes = page.getByRole("list", { name: "回復コード" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await checkA11y(page, "two-factor-recovery-codes");
  });

  step(
    "after signing out, the sign-in asks for the code after the password, and the computed code lets them in",
    async () => {
      const { page } = await newSession({ forFile: true });
      await visit(page, "/login", "ログイン");
      await fillLogin(page, totpUser.email, totpUser.password);
      const code = page.getByRole("textbox", { name: /確認コード/ });
      await code.waitFor();
      await checkA11y(page, "login-second-factor");
      // The enrolment used the current 30-second step; the next one's code is fresh and inside the accepted window.
      await code.fill(totpAt(base32Decode(secret), Date.now() + 30_000));
      await page.getByRole("button", { name: "ログイン", exact: true }).click();
      await waitForPage(page, "今日・今週のフォローアップ");
      expect(await page.getByText(`${totpUser.name} さん`).isVisible()).toBe(true);

      await page.getByRole("button", { name: "ログアウト", exact: true }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/today"));
      await page.goto(url("/today"));
      await waitForPage(page, "ログイン");
    },
  );

  step(
    "an administrator issues a temporary password; the user can do nothing but change it, then goes on",
    async () => {
      await createCoordinator(tempUser);
      const admin = (await newSession({ as: ADMIN })).page;
      await visit(admin, "/admin/users", "アカウント");
      const issue = admin
        .getByRole("group", { name: `${tempUser.name} さんのアカウントの操作` })
        .getByRole("button", { name: "仮パスワードを発行" });
      const confirm = admin.getByRole("alertdialog", { name: "「仮パスワードを発行」の確認" });
      // It asks first, naming the user; キャンセル sends nothing.
      await issue.click();
      expect(await confirm.innerText()).toContain(`${tempUser.name} さんに仮パスワードを発行します`);
      await checkA11y(admin, "users-confirm-temporary-password");
      await confirm.getByRole("button", { name: "キャンセル" }).click();
      await confirm.waitFor({ state: "hidden" });
      expect(await admin.getByRole("status").getByRole("code").count()).toBe(0);
      expect(await mustChangePassword(tempUser.email)).toBe(false);

      await issue.click();
      await confirm.getByRole("button", { name: "仮パスワードを発行" }).click();
      const shown = admin.getByRole("status").getByRole("code");
      await shown.waitFor();
      const temporary = (await shown.innerText()).trim();
      expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(await mustChangePassword(tempUser.email)).toBe(true);
      await checkA11y(admin, "users-temporary-password");

      const { page } = await newSession();
      await visit(page, "/login", "ログイン");
      await fillLogin(page, tempUser.email, temporary);
      await waitForPage(page, "パスワードの変更");
      await page.getByText("新しいパスワードに変更するまで、ほかの操作はできません").waitFor();
      expect(await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link").count()).toBe(0);
      // Any other page leads back here.
      await page.goto(url("/people"));
      await waitForPage(page, "パスワードの変更");

      await page.getByLabel(/^現在のパスワード/).fill(temporary);
      await page.getByLabel(/^新しいパスワード(必須)?$/).fill(tempUser.password + "-new");
      await page.getByLabel(/^新しいパスワード \(確認用\)/).fill(tempUser.password + "-new");
      await page.getByRole("button", { name: "パスワードを変更" }).click();
      await page.getByText("パスワードを変更しました。").waitFor();
      await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "本人一覧" }).click();
      await waitForPage(page, "本人一覧");
    },
  );
});
