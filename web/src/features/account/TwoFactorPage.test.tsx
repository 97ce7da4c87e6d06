import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  BeginTwoFactorEnrolmentDocument,
  ConfirmTwoFactorEnrolmentDocument,
  DisableTwoFactorDocument,
  TwoFactorStatusDocument,
  ViewerDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { TwoFactorPage } from "./TwoFactorPage";

afterEach(cleanup);

const viewer: MockLink.MockedResponse = {
  request: { query: ViewerDocument },
  result: {
    data: {
      me: {
        __typename: "User",
        id: "u-1",
        displayName: "佐藤 みのり",
        role: "COORDINATOR",
        pendingSetup: "TWO_FACTOR_ENROLMENT",
        organization: null,
      },
    },
  },
  delay: 0,
};
const status = (twoFactorEnabled: boolean): MockLink.MockedResponse => ({
  request: { query: TwoFactorStatusDocument },
  result: { data: { me: { __typename: "User", id: "u-1", twoFactorEnabled, pendingSetup: null } } },
  delay: 0,
});
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>';
const CODES = Array.from({ length: 10 }, (_, i) => `abcde-fgh${i + 2}k`);

function renderTwoFactor(mocks: MockLink.MockedResponse[]) {
  return renderPage(<TwoFactorPage />, {
    path: "/account/two-factor",
    url: "/account/two-factor",
    mocks: [viewer, ...mocks],
  });
}

describe("TwoFactorPage", () => {
  it("shows the QR code and the key, refuses a wrong code beside the field, then shows the ten recovery codes once", async () => {
    renderTwoFactor([
      status(false),
      {
        request: { query: BeginTwoFactorEnrolmentDocument },
        result: {
          data: {
            beginTwoFactorEnrolment: {
              __typename: "TwoFactorEnrolmentPayload",
              secret: "JBSWY3DPEHPK3PXP",
              qrCodeSvg: SVG,
            },
          },
        },
        delay: 0,
      },
      {
        request: { query: ConfirmTwoFactorEnrolmentDocument, variables: { input: { code: "111111" } } },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.code", messages: ["確認コードが正しくありません"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
      {
        request: { query: ConfirmTwoFactorEnrolmentDocument, variables: { input: { code: "123456" } } },
        result: {
          data: {
            confirmTwoFactorEnrolment: {
              __typename: "ConfirmTwoFactorPayload",
              user: { __typename: "User", id: "u-1", twoFactorEnabled: true, pendingSetup: null },
              recoveryCodes: CODES,
            },
          },
        },
        delay: 0,
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "設定を始める" }));
    const qr = await screen.findByRole<HTMLImageElement>("img", { name: "認証アプリに読み取らせる QR コード" });
    expect(qr.src.startsWith("data:image/svg+xml")).toBe(true);
    expect(decodeURIComponent(qr.src)).toContain(SVG);
    expect(screen.getByText("JBSWY3DPEHPK3PXP")).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^確認コード/), { target: { value: " 111111 " } });
    fireEvent.click(screen.getByRole("button", { name: "確認して設定する" }));
    expect(await screen.findByText("確認コードが正しくありません")).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^確認コード/), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "確認して設定する" }));
    const list = await screen.findByRole("list", { name: "回復コード" });
    expect(list.querySelectorAll("li")).toHaveLength(10);
    expect(list.textContent).toContain("abcde-fgh2k");
    expect(screen.queryByText("JBSWY3DPEHPK3PXP")).toBeNull();
  });

  it("asks for a code before sending anything, and turns TOTP off with one", async () => {
    const { sent } = renderTwoFactor([
      status(true),
      {
        request: { query: DisableTwoFactorDocument, variables: { input: { code: "654321" } } },
        result: {
          data: {
            disableTwoFactor: {
              __typename: "UserPayload",
              user: { __typename: "User", id: "u-1", twoFactorEnabled: false, pendingSetup: null },
            },
          },
        },
        delay: 0,
      },
    ]);
    expect(await screen.findByText("二段階認証は設定済みです。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "無効にする" }));
    expect(await screen.findByText("確認コードを入力してください")).toBeTruthy();
    expect(sent.map((s) => s.operationName)).not.toContain("DisableTwoFactor");
    fireEvent.change(screen.getByLabelText(/^確認コード/), { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: "無効にする" }));
    expect(await screen.findByText("二段階認証を無効にしました。")).toBeTruthy();
  });
});
