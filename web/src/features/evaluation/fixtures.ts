// Test data only (imported by *.test.tsx, never by the app): a report shaped as the server sends it, with
// 高松市's R5 (2023年度) 参加支援 figures: 協力依頼機関数 63 of 220 → 28.6%, 支援プラン策定人数 9 of 11 → 81.8%.
import type { MockLink } from "@apollo/client/testing";
import {
  AreaListDocument,
  EvaluationReportDocument,
  IndicatorTargetsDocument,
  ViewerDocument,
  type EvaluationReportQuery,
} from "../../gql/graphql";

/** The query's result type with the `__typename`s the cache needs (the generated type leaves them out). */
type Typed<T> = T extends readonly (infer U)[]
  ? Typed<U>[]
  : T extends object
    ? { [K in keyof T]: Typed<T[K]> } & { __typename?: string }
    : T;
type Report = Typed<EvaluationReportQuery["evaluationReport"]>;
type Row = Report["rows"][number];

const YEARS = [2020, 2021, 2022, 2023];

const year = (fiscalYear: number, target: number | null, actual: number | null) => ({
  __typename: "IndicatorYear" as const,
  fiscalYear,
  target,
  actual,
  rate: target ? Math.round(((actual ?? 0) / target) * 1000) / 10 : null,
});

function row(
  over: Partial<Row> & Pick<Row, "indicatorId" | "name" | "unit" | "jigyo">,
  years: [number | null, number | null][],
): Row {
  const ys = years.map(([t, a], i) => year(YEARS[i], t, a));
  const last = ys[ys.length - 1];
  return {
    __typename: "IndicatorReportRow",
    bunya: ["全分野"],
    definition: `${over.name}の定義`,
    entered: false,
    rate: last.rate,
    bucket: null,
    breakdown: [],
    years: ys,
    ...over,
  };
}

const bucketRow = (key: string, label: string, counts: Partial<Record<string, number>>) => ({
  __typename: "BucketTableRow" as const,
  key,
  label,
  total: 0,
  atLeast100: 0,
  atLeast75: 0,
  atLeast50: 0,
  atLeast25: 0,
  above0: 0,
  zero: 0,
  noTarget: 0,
  ...counts,
});

export function report2023(over: Partial<Report> = {}): Report {
  return {
    __typename: "EvaluationReport",
    fiscalYear: 2023,
    years: YEARS,
    rows: [
      row(
        {
          indicatorId: "consultation-intakes",
          name: "相談受付件数",
          unit: "件",
          jigyo: 1,
          bucket: null,
          breakdown: [
            { __typename: "IndicatorBreakdown", axis: "AREA", key: "a-1", value: 70 },
            { __typename: "IndicatorBreakdown", axis: "AREA", key: "CITYWIDE", value: 37 },
            { __typename: "IndicatorBreakdown", axis: "TARGET_GROUP", key: "POVERTY", value: 40 },
          ],
        },
        [
          [null, 90],
          [null, 95],
          [null, 101],
          [null, 107],
        ],
      ),
      row(
        {
          indicatorId: "cooperation-organizations",
          name: "協力依頼機関数",
          unit: "機関",
          jigyo: 2,
          bucket: "AT_LEAST_25",
        },
        [
          [200, 40],
          [200, 51],
          [220, 58],
          [220, 63],
        ],
      ),
      row(
        {
          indicatorId: "plan-persons",
          name: "支援プラン策定人数",
          unit: "人",
          jigyo: 2,
          bunya: ["全分野", "生活困窮"],
          bucket: "AT_LEAST_75",
        },
        [
          [10, 6],
          [10, 8],
          [11, 10],
          [11, 9],
        ],
      ),
      row(
        {
          indicatorId: "follow-up-contacts",
          name: "フォローアップの連絡・訪問の延べ件数",
          unit: "件",
          jigyo: 2,
          breakdown: [
            { __typename: "IndicatorBreakdown", axis: "METHOD", key: "VISIT", value: 12 },
            { __typename: "IndicatorBreakdown", axis: "METHOD", key: "PHONE", value: 30 },
          ],
        },
        [
          [null, 20],
          [null, 31],
          [null, 38],
          [null, 42],
        ],
      ),
      row(
        {
          indicatorId: "kaigo-yobo-leader-trainees",
          name: "介護予防リーダー受講者数",
          unit: "人",
          jigyo: 3,
          bunya: ["高齢"],
          entered: true,
          bucket: "AT_LEAST_100",
        },
        [
          [30, 28],
          [30, 31],
          [30, 33],
          [30, 36],
        ],
      ),
    ],
    byJigyo: [
      bucketRow("1", "第1号事業", { noTarget: 1 }),
      bucketRow("2", "第2号事業", { total: 2, atLeast75: 1, atLeast25: 1, noTarget: 1 }),
      bucketRow("3", "第3号事業", { total: 1, atLeast100: 1 }),
      bucketRow("4", "第4号事業", {}),
      bucketRow("5", "第5号事業", {}),
      bucketRow("TOTAL", "合計", { total: 3, atLeast100: 1, atLeast75: 1, atLeast25: 1, noTarget: 2 }),
    ],
    byBunya: [
      bucketRow("全分野", "全分野", { total: 2, atLeast75: 1, atLeast25: 1, noTarget: 2 }),
      bucketRow("高齢", "高齢", { total: 1, atLeast100: 1 }),
      bucketRow("生活困窮", "生活困窮", { total: 1, atLeast75: 1 }),
      bucketRow("TOTAL", "合計", { total: 4, atLeast100: 1, atLeast75: 2, atLeast25: 1, noTarget: 2 }),
    ],
    funnel: {
      __typename: "ParticipationFunnel",
      intakes: 107,
      consents: 9,
      supportedPersons: 20,
      carriedOverPersons: 11,
      planPersons: 9,
      newPlanPersons: 4,
      replanPersons: 5,
      cooperationOrganizations: 63,
      matchings: 14,
    },
    narratives: [
      {
        __typename: "ReportNarrative",
        id: "n-2",
        fiscalYear: 2023,
        jigyo: 2,
        achievementEvaluation: "協力依頼機関数は目標に届かなかった。",
        issuesAndDirection: "企業への依頼を広げる。",
        updatedAt: "2024-05-10T01:00:00Z",
        updatedByName: "高橋 健一",
      },
    ],
    ...over,
  };
}

export const reportMock = (report: Report, fiscalYear = report.fiscalYear): MockLink.MockedResponse => ({
  request: { query: EvaluationReportDocument, variables: { fiscalYear } },
  result: { data: { evaluationReport: report } },
  delay: 0,
});

export const viewerMock = (role: string): MockLink.MockedResponse => ({
  request: { query: ViewerDocument },
  result: { data: { me: { __typename: "User", id: "u-1", displayName: "高橋 健一", role, organization: null } } },
  delay: 0,
});

export const areasMock: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: { data: { areas: [{ __typename: "Area", id: "a-1", name: "みどり野北エリア", type: "WELFARE_AREA" }] } },
  delay: 0,
};

export const targetsMock = (
  fiscalYear: number,
  targets: { indicatorId: string; value: number; setAt?: string }[],
): MockLink.MockedResponse => ({
  request: { query: IndicatorTargetsDocument, variables: { fiscalYear } },
  result: {
    data: {
      indicatorTargets: targets.map((t, i) => ({
        __typename: "IndicatorTarget",
        id: `t-${fiscalYear}-${i}`,
        fiscalYear,
        setAt: "2024-04-01T00:30:00Z",
        setByName: "高橋 健一",
        ...t,
      })),
    },
  },
  delay: 0,
});
