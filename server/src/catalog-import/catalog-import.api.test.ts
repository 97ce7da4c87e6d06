import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/session-cookie.js";
import { UserRole } from "../core/roles.js";
import { Resource } from "../resources/resource.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { ResourceSource } from "./catalog-import.entity.js";

/* The import as the web app drives it: the upload route (real HTTP, session cookie), then GraphQL. */

let t: TestApp;
let base: string;
let coordinator: Gql;
let coordinatorCookie: string;
let hostCookie: string;
let host: Gql;

/** The 51 columns of 正式版 子育て施設一覧, as published. */
const HEADERS =
  "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,種別,所在地_全国地方公共団体コード,町字ID,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,高度の種別,高度の値,アクセス方法,駐車場情報,電話番号,内線番号,FAX番号,連絡先メールアドレス,連絡先FormURL,郵便番号,法人番号,団体名,認可等年月日,収容定員,受入年齢,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,一時預かりの有無,子供預かり料金種別,子供預かり料金,子供預かり料金備考,子供預かり開所時間,子供預かり閉所時間,病児保育の有無,授乳室,おむつ替えコーナー,飲食可否,ベビーカー貸出,ベビーカー利用,URL,画像,画像_ライセンス,備考".split(
    ",",
  );
const line = (id: string, name: string, extra: { phone?: string; start?: string } = {}) => {
  const cells: Record<string, string> = {
    全国地方公共団体コード: "132233",
    ID: id,
    地方公共団体名: "東京都武蔵村山市",
    名称: name,
    名称_カナ: "ムラヤマ",
    種別: "子育て支援センター",
    所在地_連結表記: "東京都武蔵村山市本町1-1",
    緯度: "35.7545",
    経度: "139.3876",
    電話番号: extra.phone ?? "042-565-1111",
    団体名: "社会福祉法人 むらやま会",
    受入年齢: "0歳から就学前まで",
    利用可能曜日: "月水金",
    開始時間: extra.start ?? "１０：００",
    終了時間: "15:00",
  };
  return HEADERS.map((h) => cells[h] ?? "").join(",");
};
/** A 正式版 子育て施設一覧 file in CP932, as cities publish it. */
const cp932 = (...rows: string[]) => iconv.encode([HEADERS.join(","), ...rows].join("\r\n") + "\r\n", "cp932");

const upload = (
  body: Buffer,
  cookie: string | null,
  fileName = "kosodate.csv",
  contentType = "application/octet-stream",
) =>
  fetch(`${base}/api/catalog-imports`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-file-name": encodeURIComponent(fileName),
      ...(cookie ? { cookie } : {}),
    },
    body,
  });

const uploadId = async (body: Buffer) => {
  const res = await upload(body, coordinatorCookie);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

const PREVIEW = /* GraphQL */ `
  query ($id: ID!, $options: ImportOptionsInput) {
    catalogImport(id: $id) {
      id
      fileName
      state
      preview(options: $options) {
        layout
        encoding
        counts {
          total
          create
          update
          unchanged
          conflict
          rejected
          repairs
          disappeared
        }
        lineCount
        lines {
          rowNumber
          action
          column
          before
          after
          reason
        }
      }
    }
  }
`;
const IMPORT = /* GraphQL */ `
  mutation ($input: ImportResourcesInput!) {
    importResources(input: $input) {
      catalogImport {
        id
        state
        progress {
          done
          total
        }
      }
    }
  }
`;
const STATUS = /* GraphQL */ `
  query ($id: ID!) {
    catalogImport(id: $id) {
      state
      progress {
        done
        total
      }
      result {
        created
        updated
        unchanged
        archived
      }
    }
  }
`;

const importAndWait = async (id: string, input: Record<string, unknown> = {}) => {
  const started = await coordinator(IMPORT, { input: { importId: id, ...input } });
  expect(started.errors).toBeUndefined();
  await t.app.services.catalogImports.waitFor(id);
  const status = await coordinator(STATUS, { id });
  expect(status.errors).toBeUndefined();
  return status.data!.catalogImport;
};

const cookieFor = async (role: UserRole) => {
  const user = await t.factories.user({ role });
  const { token } = await t.app.services.auth.createSession(user.id);
  return { cookie: `${SESSION_COOKIE}=${token}`, gql: await t.asViewer(user) };
};

const SOURCE = { publisher: "武蔵村山市", dataset: "子育て施設一覧", licence: "CC BY 4.0" };

beforeAll(async () => {
  t = await createTestApp();
  base = `http://127.0.0.1:${await t.app.listen(0, "127.0.0.1")}`;
  ({ cookie: coordinatorCookie, gql: coordinator } = await cookieFor(UserRole.COORDINATOR));
  ({ cookie: hostCookie, gql: host } = await cookieFor(UserRole.HOST));
});
afterAll(() => t.close());

describe("POST /api/catalog-imports", () => {
  it("stores the file for a coordinator and returns its id", async () => {
    const res = await upload(cp932(line("1", "本町子育てひろば")), coordinatorCookie, "子育て施設.csv");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; fileName: string; size: number };
    expect(body.fileName).toBe("子育て施設.csv");
    const read = await coordinator(`query($id: ID!) { catalogImport(id: $id) { fileName size state } }`, {
      id: body.id,
    });
    expect(read.data!.catalogImport).toEqual({ fileName: "子育て施設.csv", size: body.size, state: null });
  });

  it("refuses anyone not signed in, a host, and a request a cross-site form could send", async () => {
    const file = cp932(line("1", "本町子育てひろば"));
    expect((await upload(file, null)).status).toBe(401);
    const asHost = await upload(file, hostCookie);
    expect(asHost.status).toBe(403);
    expect(((await asHost.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect((await upload(file, coordinatorCookie, "a.csv", "text/plain")).status).toBe(415);
    expect((await upload(Buffer.alloc(0), coordinatorCookie)).status).toBe(400);
  });
});

describe("importResources", () => {
  it("previews a CP932 file (repairs listed, nothing written), imports it, and re-importing changes nothing", async () => {
    const before = await t.db.getRepository(Resource).count();
    const file = cp932(
      line("A-1", "本町子育てひろば"),
      line("A-2", "中原子育てひろば", { start: "9:30" }),
      line("A-3", ""),
    );
    const id = await uploadId(file);
    const preview = await coordinator(PREVIEW, { id, options: SOURCE });
    expect(preview.errors).toBeUndefined();
    const p = preview.data!.catalogImport.preview;
    expect(p).toMatchObject({ layout: "DIGITAL_AGENCY_CHILDCARE", encoding: "CP932" });
    expect(p.counts).toMatchObject({ total: 3, create: 2, rejected: 1 });
    expect(p.counts.repairs).toBeGreaterThan(0);
    expect(p.lines).toContainEqual(
      expect.objectContaining({ rowNumber: 2, action: "REPAIR", before: "１０：００", after: "10:00" }),
    );
    expect(p.lines).toContainEqual(expect.objectContaining({ rowNumber: 4, action: "REJECTED" }));
    expect(await t.db.getRepository(Resource).count()).toBe(before);

    const report = await fetch(
      `${base}/api/catalog-imports/${id}/report.csv?options=${encodeURIComponent(JSON.stringify(SOURCE))}`,
      {
        headers: { cookie: coordinatorCookie },
      },
    );
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^行,処理,列,修正前,修正後,理由\r\n/);

    const done = await importAndWait(id, SOURCE);
    expect(done).toMatchObject({ state: "DONE", progress: { done: 2, total: 2 }, result: { created: 2, updated: 0 } });
    const sources = await t.db.getRepository(ResourceSource).findBy({ dataset: "子育て施設一覧" });
    expect(sources.map((s) => s.sourceId).sort()).toEqual(["A-1", "A-2"]);

    // Searchable, and credited on the listing (public, like the directory).
    await t.indexNow();
    const found = await t.anonymous(
      `query { searchResources(input: { text: "本町子育てひろば" }, first: 5) { edges { node { name source { publisher licence } } } } }`,
    );
    expect(found.data!.searchResources.edges[0].node).toEqual({
      name: "本町子育てひろば",
      source: { publisher: "武蔵村山市", licence: "CC BY 4.0" },
    });

    const again = await uploadId(file);
    const second = await coordinator(PREVIEW, { id: again, options: SOURCE });
    expect(second.data!.catalogImport.preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(await importAndWait(again, SOURCE)).toMatchObject({ result: { created: 0, updated: 0, unchanged: 2 } });
    expect(await t.db.getRepository(Resource).count()).toBe(before + 2);
  });

  it("next month's file updates, and what disappeared is reported and ended only when asked", async () => {
    const src = { ...SOURCE, dataset: "子育て施設一覧 翌月" };
    await importAndWait(await uploadId(cp932(line("B-1", "学園子育てひろば"), line("B-2", "岸子育てひろば"))), src);
    const next = await uploadId(cp932(line("B-1", "学園子育てひろば", { phone: "042-565-2222" })));
    const p = (await coordinator(PREVIEW, { id: next, options: src })).data!.catalogImport.preview;
    expect(p.counts).toMatchObject({ update: 1, disappeared: 1 });
    expect(p.lines).toContainEqual(
      expect.objectContaining({ action: "UPDATE", column: "電話番号", before: "042-565-1111", after: "042-565-2222" }),
    );
    expect(p.lines).toContainEqual(expect.objectContaining({ action: "DISAPPEARED", before: "岸子育てひろば" }));
    expect(await importAndWait(next, { ...src, archiveDisappeared: true })).toMatchObject({
      result: { updated: 1, archived: 1 },
    });
    const gone = await t.db.getRepository(Resource).findOneByOrFail({ name: "岸子育てひろば" });
    expect(gone.status).toBe("ENDED");
  });

  it("refuses bad input with Japanese messages per field, writing nothing", async () => {
    const before = await t.db.getRepository(Resource).count();
    const id = await uploadId(cp932(line("C-1", "神明子育てひろば")));
    const bad = await coordinator(IMPORT, {
      input: { importId: id, fileDate: "2026-02-30", mapping: [{ field: "nosuchfield", column: "名称" }] },
    });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(bad).sort()).toEqual(["input.fileDate", "input.mapping.0.field"]);
    const unknownMapping = await coordinator(IMPORT, { input: { importId: id, mappingName: "ない対応表" } });
    expect(codesOf(unknownMapping)).toEqual(["BAD_USER_INPUT"]);
    expect(unknownMapping.errors![0].extensions!.fields[0]).toEqual({
      field: "input.mappingName",
      messages: ["この名前の列の対応は保存されていません"],
    });
    const notAFile = await uploadId(Buffer.from("これは表ではありません\n", "utf8"));
    expect(codesOf(await coordinator(IMPORT, { input: { importId: notAFile } }))).toEqual(["BAD_USER_INPUT"]);
    expect(await t.db.getRepository(Resource).count()).toBe(before);
    expect((await coordinator(STATUS, { id })).data!.catalogImport.state).toBeNull();
  });

  it("is for administrators and coordinators only", async () => {
    const id = await uploadId(cp932(line("D-1", "榎子育てひろば")));
    expect(codesOf(await host(IMPORT, { input: { importId: id } }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await host(PREVIEW, { id }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(PREVIEW, { id }))).toEqual(["UNAUTHENTICATED"]);
    const report = await fetch(`${base}/api/catalog-imports/${id}/report.csv`, { headers: { cookie: hostCookie } });
    expect(report.status).toBe(403);
  });

  it("saves a column mapping by name with an import, and reads the next file of that layout through it", async () => {
    const mapping = [
      { field: "sourceId", column: "番号" },
      { field: "name", column: "場所の名前" },
      { field: "address", column: "ところ" },
    ];
    const shakyo = { publisher: "武蔵村山市社会福祉協議会", dataset: "サロン一覧" };
    const first = await uploadId(
      Buffer.from("番号,場所の名前,ところ\n1,伊奈平ふれあいサロン,武蔵村山市伊奈平1-1\n", "utf8"),
    );
    const p = await coordinator(PREVIEW, { id: first, options: { ...shakyo, mapping } });
    expect(p.errors).toBeUndefined();
    expect(p.data!.catalogImport.preview).toMatchObject({ layout: "CUSTOM_MAPPING", counts: { create: 1 } });
    await importAndWait(first, { ...shakyo, mapping, saveMappingAs: "社協の一覧" });
    const list = await coordinator(`query { savedColumnMappings { name mapping { field column } } }`);
    expect(list.data!.savedColumnMappings).toContainEqual({ name: "社協の一覧", mapping });

    const next = await uploadId(
      Buffer.from(
        "番号,場所の名前,ところ\n1,伊奈平ふれあいサロン,武蔵村山市伊奈平1-1\n2,岸サロン,武蔵村山市岸2-2\n",
        "utf8",
      ),
    );
    const again = await coordinator(PREVIEW, { id: next, options: { ...shakyo, mappingName: "社協の一覧" } });
    expect(again.data!.catalogImport.preview.counts).toMatchObject({ create: 1, unchanged: 1 });
  });
});
