import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { CatalogImportPreviewDocument, ImportProgressDocument, ImportResourcesDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { CatalogImportPage } from "./CatalogImportPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = "0b6f1a52-1c1d-4b4e-9d55-2a0c9f6e7a10";
const OPTIONS = { publisher: "武蔵村山市" };

const previewMock: MockLink.MockedResponse = {
  request: { query: CatalogImportPreviewDocument, variables: { id: ID, options: OPTIONS } },
  result: {
    data: {
      catalogImport: {
        __typename: "CatalogImport",
        id: ID,
        fileName: "kodomo.csv",
        preview: {
          __typename: "ImportPreview",
          layout: "KODOMO_SHOKUDO",
          encoding: "CP932",
          sheet: null,
          sheets: [],
          counts: {
            __typename: "ImportCounts",
            total: 3,
            create: 1,
            update: 1,
            unchanged: 0,
            conflict: 0,
            rejected: 1,
            duplicate: 0,
            repairs: 1,
            needsReview: 0,
            disappeared: 1,
          },
          lineCount: 4,
          lines: [
            { rowNumber: 2, action: "CREATE", column: "", before: "", after: "むらやま食堂", reason: "" },
            {
              rowNumber: 2,
              action: "REPAIR",
              column: "開始時間",
              before: "１０：００",
              after: "10:00",
              reason: "FULLWIDTH_DIGITS",
            },
            { rowNumber: 3, action: "UPDATE", column: "住所", before: "本町1", after: "学園1", reason: "" },
            { rowNumber: 4, action: "REJECTED", column: "", before: "", after: "", reason: "名称がありません" },
          ].map((l) => ({ __typename: "ImportReportLine", ...l })),
          disappeared: [
            { __typename: "DisappearedListingView", resourceId: "r-9", name: "なくなった食堂", sourceId: "9" },
          ],
        },
      },
    },
  },
};

const progress = (state: string, done: number, result: Record<string, unknown> | null = null) => ({
  __typename: "CatalogImport",
  id: ID,
  state,
  error: null,
  progress: { __typename: "ImportProgress", done, total: 2 },
  result: result && { __typename: "ImportResultView", ...result },
});

const startMock: MockLink.MockedResponse = {
  request: {
    query: ImportResourcesDocument,
    variables: { input: { importId: ID, ...OPTIONS, overwriteEdited: false, archiveDisappeared: true } },
  },
  result: {
    data: { importResources: { __typename: "ImportResourcesPayload", catalogImport: progress("RUNNING", 0) } },
  },
};

const doneMock: MockLink.MockedResponse = {
  request: { query: ImportProgressDocument, variables: { id: ID } },
  result: {
    data: {
      catalogImport: progress("DONE", 2, {
        created: 1,
        updated: 1,
        unchanged: 0,
        overwritten: 0,
        conflictsKept: 0,
        archived: 1,
        changedSincePreview: [
          {
            __typename: "ImportReportLine",
            rowNumber: 3,
            column: "電話番号",
            after: "みんな食堂",
            reason: "プレビューの後につなぐで編集されています。その編集を残し、この行は取り込みませんでした",
          },
        ],
      }),
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

describe("CatalogImportPage", () => {
  it("uploads the file, shows the preview with its repairs and rejected rows, then imports with progress", async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ id: ID, fileName: "kodomo.csv", size: 9 }), { status: 201 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const { sent } = renderPage(<CatalogImportPage />, {
      path: "/catalog/import",
      url: "/catalog/import",
      mocks: [previewMock, startMock, doneMock],
    });

    const file = new File(["ID,名称\n1,むらやま食堂\n"], "kodomo.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText(/取り込むファイル/), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText("公開者"), { target: { value: "武蔵村山市" } });
    fireEvent.click(screen.getByRole("button", { name: "読み込んで確認する" }));

    expect(await screen.findByText("取り込みの確認 (まだ何も書き込んでいません)")).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/catalog-imports");
    expect(init.headers).toMatchObject({ "content-type": "application/octet-stream", "x-file-name": "kodomo.csv" });

    const counts = screen.getByRole("table", { name: "件数" });
    expect(within(counts).getByRole("row", { name: "取り込めない行 1" })).toBeTruthy();
    expect(within(counts).getByRole("row", { name: "修正 1" })).toBeTruthy();
    expect(screen.getByRole("row", { name: /2 修正 開始時間 １０：００ 10:00/ })).toBeTruthy();
    expect(screen.getByRole("row", { name: /4 取り込めない行 名称がありません/ })).toBeTruthy();
    expect(screen.getByText("なくなった食堂 (9)")).toBeTruthy();
    const report = screen.getByRole("link", { name: "レポートをダウンロード (CSV)" });
    expect(report.getAttribute("href")).toBe(
      `/api/catalog-imports/${ID}/report.csv?options=${encodeURIComponent(JSON.stringify(OPTIONS))}`,
    );

    fireEvent.click(screen.getByRole("checkbox", { name: "これらの資源を「終了」にする" }));
    fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
    expect(await screen.findByText("取り込みが終わりました")).toBeTruthy();
    expect(
      screen.getByText(/新規 1 件、更新 1 件、変更なし 0 件、上書き 0 件、編集を残した資源 0 件、終了にした資源 1 件/),
    ).toBeTruthy();
    // A row whose listing was edited between the preview and the commit is named, with what was done.
    expect(screen.getByText("プレビューの後に変わっていた資源")).toBeTruthy();
    expect(screen.getByText(/3 行目 みんな食堂 \(電話番号\): プレビューの後につなぐで編集されています/)).toBeTruthy();
    expect(sent.map((s) => s.operationName)).toEqual(["CatalogImportPreview", "ImportResources", "ImportProgress"]);
  });

  it("says why a file could not be sent", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { message: "ファイルが大きすぎます (50MBまで)" } }), { status: 413 }),
      ),
    );
    renderPage(<CatalogImportPage />, { path: "/catalog/import", url: "/catalog/import", mocks: [] });
    fireEvent.change(screen.getByLabelText(/取り込むファイル/), { target: { files: [new File(["x"], "big.csv")] } });
    fireEvent.click(screen.getByRole("button", { name: "読み込んで確認する" }));
    expect((await screen.findByRole("alert")).textContent).toBe("ファイルが大きすぎます (50MBまで)");
  });
});
