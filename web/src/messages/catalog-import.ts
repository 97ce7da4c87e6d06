/** 資源の取り込み: a city's own lists (CSV, Excel) into the catalog. */
export const catalogImportMessages = {
  pageTitle: "資源の取り込み",
  pageLead:
    "市のオープンデータや社協の一覧 (CSV・Excel) から資源を取り込みます。取り込む前に、新規・更新・取り込めない行と、すべての修正を確認できます。",
  fileLabel: "取り込むファイル",
  fileHint: "CSV (UTF-8 または Shift_JIS) か Excel (.xlsx)。50MB まで",
  sourceLegend: "出典 (ファイルに書かれていない場合)",
  publisher: "公開者",
  publisherHint: "例: 武蔵村山市",
  dataset: "データセット名",
  datasetHint: "例: 子ども食堂一覧",
  licence: "ライセンス",
  licenceHint: "例: CC BY 4.0",
  fileDate: "ファイルの日付",
  sheet: "シート",
  upload: "読み込んで確認する",
  uploading: "読み込んでいます…",
  previewLoading: "ファイルを確認しています…",
  previewTitle: "取り込みの確認 (まだ何も書き込んでいません)",
  fileSummary: (fileName: string, layout: string, encoding: string) =>
    `${fileName} — 形式 ${layout}、文字コード ${encoding}`,
  countsTitle: "件数",
  counts: {
    total: "行",
    create: "新規",
    update: "更新",
    unchanged: "変更なし",
    conflict: "つなぐで編集済み",
    rejected: "取り込めない行",
    duplicate: "重複",
    repairs: "修正",
    needsReview: "要確認",
    disappeared: "ファイルから消えた資源",
  },
  linesTitle: "行ごとの内容",
  linesShown: (shown: number, total: number) =>
    shown < total ? `全 ${total} 行のうち最初の ${shown} 行 (すべてはレポートで)` : `全 ${total} 行`,
  noLines: "新規・更新・修正のある行はありません",
  columns: { row: "行", action: "処理", column: "列", before: "修正前", after: "修正後", reason: "理由" },
  actions: {
    CREATE: "新規",
    UPDATE: "更新",
    UNCHANGED: "変更なし",
    CONFLICT: "つなぐで編集済み",
    REJECTED: "取り込めない行",
    DUPLICATE: "重複",
    REPAIR: "修正",
    NEEDS_REVIEW: "要確認",
    KIND_GUESS: "種類の判定",
    ARCHIVED_HOST: "廃止された団体",
    DISAPPEARED: "ファイルから消えた資源",
  } as Record<string, string>,
  report: "レポートをダウンロード (CSV)",
  disappearedTitle: "前回の取り込みにあって、このファイルにない資源",
  disappearedLead: "削除はしません。活動をやめた資源なら「終了」にできます。",
  archiveDisappeared: "これらの資源を「終了」にする",
  overwriteEdited: "つなぐで編集された資源も、ファイルの内容で上書きする",
  conflictLead: (n: number) =>
    `${n} 件の資源は、前回の取り込みのあとにつなぐで編集されています。上書きしなければ、つなぐの内容を残します。`,
  start: "取り込む",
  starting: "取り込みを始めています…",
  chooseAnother: "別のファイルを選ぶ",
  progressLabel: "取り込みの進み具合",
  progress: (done: number, total: number) => `${done} / ${total} 件`,
  doneTitle: "取り込みが終わりました",
  result: (r: {
    created: number;
    updated: number;
    unchanged: number;
    overwritten: number;
    conflictsKept: number;
    archived: number;
  }) =>
    `新規 ${r.created} 件、更新 ${r.updated} 件、変更なし ${r.unchanged} 件、上書き ${r.overwritten} 件、編集を残した資源 ${r.conflictsKept} 件、終了にした資源 ${r.archived} 件`,
  changedSincePreviewTitle: "プレビューの後に変わっていた資源",
  changedSincePreviewLine: (row: number | null, name: string, fields: string) =>
    `${row ?? ""} 行目 ${name}${fields ? ` (${fields})` : ""}:`,
  failedTitle: "取り込みに失敗しました",
  nothingToImport: "取り込む行がありません",
  uploadError: "ファイルを送れませんでした。",
  /** 出典 on the listing page: the attribution as the publisher asks for it, else publisher, dataset and licence. */
  credit: (s: { publisher: string; dataset: string; licence?: string | null; attribution?: string | null }) =>
    s.attribution
      ? /^出典/.test(s.attribution)
        ? s.attribution
        : `出典：${s.attribution}`
      : `出典：${s.publisher} ${s.dataset}${s.licence ? ` (${s.licence})` : ""}`,
};
