import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import {
  AdminAreasDocument,
  CreateAdminAreaDocument,
  SetAdminAreaArchivedDocument,
  UpdateAdminAreaDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { AreasPage } from "./AreasPage";

afterEach(cleanup);

const north = {
  __typename: "Area",
  id: "a-1",
  name: "みどり野北エリア",
  nameKana: "みどりのきたえりあ",
  type: "WELFARE_AREA",
  code: "01",
  centerLat: null,
  centerLng: null,
  archivedAt: null,
};
const list = (areas: unknown[]): MockLink.MockedResponse => ({
  request: { query: AdminAreasDocument },
  result: { data: { areas } },
  delay: 0,
});
const page = (mocks: MockLink.MockedResponse[]) =>
  renderPage(<AreasPage />, { path: "/admin/areas", url: "/admin/areas", mocks });
const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;

describe("AreasPage", () => {
  it("sets an area's centre point, which then shows in the list", async () => {
    const { sent } = page([
      list([north]),
      {
        request: {
          query: UpdateAdminAreaDocument,
          variables: {
            input: {
              id: "a-1",
              name: "みどり野北エリア",
              nameKana: "みどりのきたえりあ",
              code: "01",
              centerLat: 35.68,
              centerLng: 139.76,
            },
          },
        },
        result: {
          data: { updateArea: { __typename: "AreaPayload", area: { ...north, centerLat: 35.68, centerLng: 139.76 } } },
        },
        delay: 0,
      },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "地域の管理" })).toBeTruthy();
    expect(within(await waitFor(() => rowOf("みどり野北エリア"))).getByText("未設定 (資源の位置の平均)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "みどり野北エリア を編集" }));
    expect(screen.getByRole("heading", { level: 2, name: "みどり野北エリア を編集" })).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "中心点の緯度" }), { target: { value: "３５．６８" } });
    fireEvent.change(screen.getByRole("textbox", { name: "中心点の経度" }), { target: { value: "139.76" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("「みどり野北エリア」を保存しました。")).toBeTruthy();
    expect(within(rowOf("みどり野北エリア")).getByText("35.68, 139.76")).toBeTruthy();
    expect(sent.map((s) => s.operationName)).toContain("UpdateAdminArea");
  });

  it("adds an area, and says a coordinate that is not a number beside its box without sending", async () => {
    const { sent } = page([
      list([north]),
      {
        request: {
          query: CreateAdminAreaDocument,
          variables: {
            input: {
              name: "みどり野南エリア",
              type: "WELFARE_AREA",
              nameKana: null,
              code: null,
              centerLat: 35.6,
              centerLng: 139.7,
            },
          },
        },
        result: {
          data: {
            createArea: {
              __typename: "AreaPayload",
              area: { ...north, id: "a-2", name: "みどり野南エリア", centerLat: 35.6, centerLng: 139.7 },
            },
          },
        },
        delay: 0,
      },
      list([north, { ...north, id: "a-2", name: "みどり野南エリア", centerLat: 35.6, centerLng: 139.7 }]),
    ]);
    await screen.findByRole("heading", { level: 2, name: "地域を追加" });
    fireEvent.change(screen.getByRole("textbox", { name: /^名称/ }), { target: { value: "みどり野南エリア" } });
    fireEvent.change(screen.getByRole("textbox", { name: "中心点の緯度" }), { target: { value: "北緯35" } });
    fireEvent.click(screen.getByRole("button", { name: "追加する" }));
    expect(await screen.findByText("緯度・経度は数値で入力してください (例: 35.6812)")).toBeTruthy();
    expect(sent.some((s) => s.operationName === "CreateAdminArea")).toBe(false);

    fireEvent.change(screen.getByRole("textbox", { name: "中心点の緯度" }), { target: { value: "35.6" } });
    fireEvent.change(screen.getByRole("textbox", { name: "中心点の経度" }), { target: { value: "139.7" } });
    fireEvent.click(screen.getByRole("button", { name: "追加する" }));
    expect(await screen.findByText("「みどり野南エリア」を追加しました。")).toBeTruthy();
    await waitFor(() => expect(within(rowOf("みどり野南エリア")).getByText("35.6, 139.7")).toBeTruthy());
  });

  it("archives an area instead of deleting it, and can take it back", async () => {
    const archivedAt = "2026-12-01T00:00:00.000Z";
    page([
      list([north]),
      {
        request: { query: SetAdminAreaArchivedDocument, variables: { input: { id: "a-1", archived: true } } },
        result: {
          data: { setAreaArchived: { __typename: "AreaPayload", area: { __typename: "Area", id: "a-1", archivedAt } } },
        },
        delay: 0,
      },
    ]);
    await waitFor(() => rowOf("みどり野北エリア"));
    expect(within(rowOf("みどり野北エリア")).getByText("使用中")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "みどり野北エリア を廃止" }));
    expect(await screen.findByText("「みどり野北エリア」を廃止しました。資源や本人の記録には残ります。")).toBeTruthy();
    expect(within(rowOf("みどり野北エリア")).getByText("廃止")).toBeTruthy();
    expect(screen.getByRole("button", { name: "みどり野北エリア の廃止を取り消す" })).toBeTruthy();
  });
});
