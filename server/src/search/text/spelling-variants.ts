/**
 * Spelling variants folded to one form, both when a listing is indexed and when a query is read, so that 子供食堂
 * and 子ども食堂 are the same words to search. Reviewed by hand: each row is the form kept, then the forms folded
 * into it. A variant must mean the same thing wherever it occurs inside a longer word (「障がい」 inside 「障がい者」
 * is still 障害), so short hiragana words that occur inside unrelated words do not belong here. A fold never turns
 * kana into kanji (こども is kept and 子供 folded into it, not the other way round): a query word written in kana only
 * is matched by its reading, and must still be kana after folding.
 */
export const SPELLING_VARIANTS: readonly (readonly [kept: string, ...folded: string[]])[] = [
  ["こども", "子ども", "子供"],
  ["障害", "障がい", "障碍"],
  ["ひきこもり", "引きこもり", "引き籠もり", "引き籠り", "引籠り", "引篭り"],
  ["高齢者", "高令者"],
  ["一人暮らし", "ひとり暮らし", "独り暮らし", "独居"],
  ["取り組み", "取組み", "取組"],
  ["申し込み", "申込み", "申込"],
  ["受け入れ", "受入れ", "受入"],
  ["付き添い", "付添い", "付添"],
  ["話し合い", "話合い"],
  ["おしゃべり", "お喋り"],
  ["お年寄り", "お年寄"],
  ["見守り", "見守"],
  ["つどい", "集い"],
  ["ボランティア", "ボランテイア"],
];
