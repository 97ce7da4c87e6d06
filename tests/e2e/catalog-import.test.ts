/**
 * 資源の取り込み in the browser: a coordinator chooses a small CP932 CSV (正式版 子育て施設一覧 columns, made here),
 * checks the preview (counts, a repaired time, a row that cannot be imported), imports it, watches it finish, and
 * finds the new listing in search with its 出典.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { apiAs } from "./support/api";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit } from "./support/browser";

const COORDINATOR = "coordinator@example.jp";
const coordinator = apiAs(COORDINATOR);
const { newSession } = useBrowser();

const RUN = Date.now().toString(36);
const NAME = `取り込み子育てひろば ${RUN}`;
const HEADER =
  "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,種別,所在地_連結表記,緯度,経度,電話番号,団体名,収容定員,受入年齢,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,一時預かりの有無,授乳室";
const ROWS = [
  `132233,${RUN}-1,東京都武蔵村山市,${NAME},トリコミコソダテヒロバ,子育て支援センター,東京都武蔵村山市本町1-1-1,35.7545,139.3876,042-565-1111,社会福祉法人 むらやま会,20,0歳から就学前まで,月水金,１０：００,15:00,祝日は休み,無,有`,
  `132233,${RUN}-2,東京都武蔵村山市,取り込み児童館 ${RUN},トリコミジドウカン,児童館,東京都武蔵村山市学園2-2-2,35.7560,139.3900,042-565-2222,武蔵村山市,50,小学生,月火水木金,9:00,17:00,,無,無`,
  `132233,${RUN}-3,東京都武蔵村山市,,,子育て支援センター,東京都武蔵村山市岸3-3,,,,,,,,,,,,`,
];
const csv = iconv.encode([HEADER, ...ROWS].join("\r\n") + "\r\n", "cp932");

describe("catalog import", () => {
  it("previews a CP932 file, imports it with progress, and the listing is searchable with its 出典", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/catalog/import", "資源の取り込み");
    await page
      .getByLabel("取り込むファイル")
      .setInputFiles({ name: "kosodate.csv", mimeType: "text/csv", buffer: csv });
    await page.getByLabel("公開者").fill("武蔵村山市");
    await page.getByLabel("データセット名").fill(`子育て施設一覧 ${RUN}`);
    await page.getByLabel("ライセンス").fill("CC BY 4.0");
    await page.getByRole("button", { name: "読み込んで確認する" }).click();

    await page.getByRole("heading", { name: "取り込みの確認 (まだ何も書き込んでいません)" }).waitFor();
    const counts = page.getByRole("table", { name: "件数" });
    await expect.poll(() => counts.getByRole("row", { name: "新規 2" }).count()).toBe(1);
    await expect.poll(() => counts.getByRole("row", { name: "取り込めない行 1" }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("row", { name: /修正 開始時間 １０：００ 10:00/ }).count())
      .toBeGreaterThan(0);
    await checkA11y(page, "資源の取り込み (確認)");

    await page.getByRole("button", { name: "取り込む" }).click();
    await page.getByRole("heading", { name: "取り込みが終わりました" }).waitFor({ timeout: 30_000 });
    expect(await page.getByText(/新規 2 件、更新 0 件/).count()).toBe(1);

    let id: string | undefined;
    const deadline = Date.now() + 20_000;
    while (!id && Date.now() < deadline) {
      const res = await coordinator<{ searchResources: { edges: { node: { id: string; name: string } }[] } }>(
        `query($text: String) { searchResources(first: 5, input: { text: $text }) { edges { node { id name } } } }`,
        { text: NAME },
      );
      id = res.searchResources.edges.find((e) => e.node.name === NAME)?.node.id;
      if (!id) await new Promise((r) => setTimeout(r, 200));
    }
    expect(id, `「${NAME}」 did not reach the search index within 20 s`).toBeDefined();
    await visit(page, `/resources/${id}`, NAME);
    expect(await page.getByText(`出典：武蔵村山市 子育て施設一覧 ${RUN} (CC BY 4.0)`).count()).toBe(1);
  });
});
