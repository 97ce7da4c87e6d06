import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { ChangePasswordDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ChangePasswordPage } from "./ChangePasswordPage";
import { toChangePasswordInput } from "./password-form";

afterEach(cleanup);

const CURRENT = "tsunagu-demo-2026";
const NEXT = "みどりの坂道を歩く朝";

const changeMock = (result: MockLink.MockedResponse["result"], newPassword = NEXT): MockLink.MockedResponse => ({
  request: { query: ChangePasswordDocument, variables: { input: { currentPassword: CURRENT, newPassword } } },
  result,
  delay: 0,
});

function renderChange(mocks: MockLink.MockedResponse[]) {
  return renderPage(<ChangePasswordPage />, { path: "/account/password", url: "/account/password", mocks });
}

const current = () => screen.getByLabelText<HTMLInputElement>(/^現在のパスワード/);
const next = () => screen.getByLabelText<HTMLInputElement>(/^新しいパスワード(必須)?$/);
const confirmation = () => screen.getByLabelText<HTMLInputElement>(/^新しいパスワード \(確認用\)/);

function fill(newPassword: string, confirm: string) {
  fireEvent.change(current(), { target: { value: CURRENT } });
  fireEvent.change(next(), { target: { value: newPassword } });
  fireEvent.change(confirmation(), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: "パスワードを変更" }));
}

describe("ChangePasswordPage", () => {
  it("is a labelled form for password managers, with the policy beside the new password", () => {
    renderChange([]);
    expect(screen.getByRole("heading", { level: 1, name: "パスワードの変更" })).toBeTruthy();
    expect(current().getAttribute("autocomplete")).toBe("current-password");
    expect(next().getAttribute("autocomplete")).toBe("new-password");
    expect(confirmation().getAttribute("autocomplete")).toBe("new-password");
    expect([current(), next(), confirmation()].map((i) => i.type)).toEqual(["password", "password", "password"]);
    expect(document.getElementById(next().getAttribute("aria-describedby")!)!.textContent).toMatch(
      /^12文字以上128文字以内。/,
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "入力中のパスワードを表示する" }));
    expect(next().type).toBe("text");
  });

  it("stops a confirmation that does not match, beside that field, without asking the server", () => {
    const { sent } = renderChange([]);
    fill(NEXT, `${NEXT}!`);
    const message = screen.getByText("確認用のパスワードが新しいパスワードと一致しません");
    expect(confirmation().getAttribute("aria-invalid")).toBe("true");
    expect(confirmation().getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください。");
    expect(sent).toEqual([]);
  });

  it("moves the focus to the error summary, whether the client or the server refused", async () => {
    renderChange([
      changeMock(
        {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "newPassword", messages: ["12文字以上にしてください"] }],
              },
            }),
          ],
        },
        "短い",
      ),
    ]);
    fill(NEXT, `${NEXT}!`);
    expect(document.activeElement).toBe(screen.getByRole("alert"));

    fill("短い", "短い");
    expect(await screen.findByText("12文字以上にしてください")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("alert"));
  });

  it("shows the server's policy messages beside the new password", async () => {
    renderChange([
      changeMock(
        {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [
                  {
                    field: "input.newPassword",
                    messages: [
                      "パスワードは12文字以上にしてください",
                      "よく使われていて推測されやすいパスワードです。別のものにしてください",
                    ],
                  },
                ],
              },
            }),
          ],
        },
        "password1",
      ),
    ]);
    fill("password1", "password1");
    const first = await screen.findByText("パスワードは12文字以上にしてください");
    expect(screen.getByText("よく使われていて推測されやすいパスワードです。別のものにしてください")).toBeTruthy();
    expect(next().getAttribute("aria-invalid")).toBe("true");
    expect(next().getAttribute("aria-describedby")).toContain(first.closest("ul")!.id);
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("says so beside the field when the current password is wrong", async () => {
    renderChange([
      changeMock({
        errors: [
          new GraphQLError("入力内容を確認してください", {
            extensions: {
              code: "BAD_USER_INPUT",
              fields: [{ field: "input.currentPassword", messages: ["現在のパスワードが正しくありません"] }],
            },
          }),
        ],
      }),
    ]);
    fill(NEXT, NEXT);
    const message = await screen.findByText("現在のパスワードが正しくありません");
    expect(current().getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
  });

  it("shows a temporary lock in the server's words", async () => {
    renderChange([
      changeMock({
        errors: [
          new GraphQLError(
            "ログインの失敗が続いたため、一時的にログインできません。約15分後にもう一度お試しください。",
            {
              extensions: { code: "UNAUTHENTICATED", reason: "LOCKED", retryAfterSeconds: 900 },
            },
          ),
        ],
      }),
    ]);
    fill(NEXT, NEXT);
    expect((await screen.findByRole("alert")).textContent).toContain("約15分後に");
  });

  it("gives the request id of a server failure", async () => {
    renderChange([
      changeMock({
        errors: [
          new GraphQLError("Unexpected error.", {
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-pw-1" },
          }),
        ],
      }),
    ]);
    fill(NEXT, NEXT);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "サーバーで問題が発生しました。時間をおいて再度お試しください。(問い合わせ番号: req-pw-1)",
    );
  });

  it("confirms the change, says other devices were signed out, and empties the form", async () => {
    const { sent } = renderChange([
      changeMock({
        data: {
          changePassword: {
            __typename: "ChangePasswordPayload",
            user: { __typename: "User", id: "u-1", pendingSetup: null },
          },
        },
      }),
    ]);
    fill(NEXT, NEXT);
    expect(
      await screen.findByText(/パスワードを変更しました。ほかの端末やブラウザーでのログインはすべて終了しました。/),
    ).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("ほかの端末やブラウザーでのログインはすべて終了しました");
    expect(screen.queryByRole("alert")).toBeNull();
    expect([current().value, next().value, confirmation().value]).toEqual(["", "", ""]);
    expect(sent.map((s) => s.operationName)).toEqual(["ChangePassword"]);
  });
});

describe("toChangePasswordInput", () => {
  it("asks for each blank and checks the confirmation only once there is a new password", () => {
    expect(toChangePasswordInput({ currentPassword: "", newPassword: "", confirmation: "x" })).toEqual({
      ok: false,
      errors: {
        currentPassword: ["現在のパスワードを入力してください"],
        newPassword: ["新しいパスワードを入力してください"],
      },
    });
    expect(toChangePasswordInput({ currentPassword: "a", newPassword: "b", confirmation: "" })).toEqual({
      ok: false,
      errors: { confirmation: ["確認用のパスワードが新しいパスワードと一致しません"] },
    });
  });

  it("sends the two passwords as typed (spaces are part of a password)", () => {
    expect(toChangePasswordInput({ currentPassword: " a ", newPassword: " b c ", confirmation: " b c " })).toEqual({
      ok: true,
      input: { currentPassword: " a ", newPassword: " b c " },
    });
  });
});
