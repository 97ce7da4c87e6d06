import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { GraphQLError } from "graphql";
import { PersonRightsDocument, StopPersonUseDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { PersonRights } from "./PersonRights";

afterEach(cleanup);

const person = (over: Record<string, unknown> = {}) => ({
  __typename: "Person",
  id: "p-1",
  version: 3,
  displayName: "青木 昭",
  nameKana: "アオキ アキラ",
  contactNote: "夕方に電話",
  householdNote: "",
  stoppedOn: null,
  stopReason: null,
  erasedAt: null,
  retentionEndsOn: null,
  corrections: [
    {
      __typename: "PersonCorrection",
      id: "c-1",
      field: "contactNote",
      before: "午前に電話",
      after: "夕方に電話",
      reason: "本人からの訂正請求",
      correctedAt: "2026-12-01T01:00:00.000Z",
    },
  ],
  erasure: null,
  ...over,
});
const load = (p = person()): MockLink.MockedResponse => ({
  request: { query: PersonRightsDocument, variables: { id: "p-1" } },
  result: { data: { person: p } },
  delay: 0,
});
const render = (mocks: MockLink.MockedResponse[], onDone = vi.fn()) => ({
  ...renderPage(<PersonRights personId="p-1" onDone={onDone} />, {
    path: "/people/:personId",
    url: "/people/p-1",
    mocks,
  }),
  onDone,
});

describe("PersonRights", () => {
  it("links the 開示 page and file, and lists the correction history", async () => {
    render([load()]);
    const link = await screen.findByRole("link", { name: "開示の書面を開く" });
    expect(link.getAttribute("href")).toBe("/people/p-1/disclosure");
    expect(screen.getByRole("link", { name: "開示データ (JSON) をダウンロード" }).getAttribute("href")).toBe(
      "/export/person/p-1/disclosure.json?download=1",
    );
    const row = screen.getAllByRole("row")[1];
    expect(within(row).getByText("連絡先のメモ")).toBeTruthy();
    expect(within(row).getByText("本人からの訂正請求")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "個人情報を消去する" })).toBeNull();
  });

  it("stops the person with a reason; a missing reason is answered beside its box", async () => {
    const { sent, onDone } = render([
      load(),
      {
        request: {
          query: StopPersonUseDocument,
          variables: { input: { personId: "p-1", reason: "", stoppedOn: null } },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.reason", messages: ["利用停止の理由を入力してください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
      {
        request: {
          query: StopPersonUseDocument,
          variables: { input: { personId: "p-1", reason: "本人の申出", stoppedOn: null } },
        },
        result: {
          data: {
            stopPersonUse: {
              person: { __typename: "Person", id: "p-1", stoppedOn: "2026-12-07", stopReason: "本人の申出" },
            },
          },
        },
        delay: 0,
      },
      load(person({ stoppedOn: "2026-12-07", stopReason: "本人の申出" })),
      load(person({ stoppedOn: "2026-12-07", stopReason: "本人の申出" })),
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "利用停止にする" }));
    const form = screen.getByRole("form", { name: "利用停止にする" });
    fireEvent.click(within(form).getByRole("button", { name: "利用停止を記録する" }));
    expect(await screen.findByText("利用停止の理由を入力してください")).toBeTruthy();
    fireEvent.change(within(form).getByRole("textbox", { name: /^利用停止の理由/ }), {
      target: { value: "本人の申出" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "利用停止を記録する" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.stringContaining("利用停止にしました")));
    expect(sent.filter((s) => s.operationName === "StopPersonUse")).toHaveLength(2);
  });

  it("offers 再開, and 消去 only once the retention period has run", async () => {
    render([load(person({ stoppedOn: "2019-05-01", stopReason: "申出", retentionEndsOn: "2024-05-01" }))]);
    expect(await screen.findByRole("button", { name: "利用を再開する" })).toBeTruthy();
    expect(screen.getByText(/2019-05-01 から利用停止中/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "個人情報を消去する" }));
    const submit = screen.getByRole("button", { name: "消去する" });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: "消去すると元に戻せないことを確認しました" }));
    expect((submit as HTMLButtonElement).disabled).toBe(false);
  });

  it("says when a stopped person can be erased, before the retention period has run", async () => {
    render([load(person({ stoppedOn: "2026-12-01", stopReason: "申出", retentionEndsOn: "2031-12-01" }))]);
    expect(await screen.findByText("保存期間が終わる 2031-12-01 から消去できます。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "個人情報を消去する" })).toBeNull();
  });
});
