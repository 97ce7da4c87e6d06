/**
 * `npm run bench:report`: the yearly evaluation report (実施状況報告) of a large city, through GraphQL as a coordinator.
 *
 * The city: the demo city's listings, organizations, areas and users, with 10,000 persons, 30,000 matches and
 * 200,000 follow-up records written over five 年度 (report/report-data.ts), plus intakes, meetings, 協力依頼 and
 * 受け入れ先支援 where the build has those tables. `evaluationReport(fiscalYear)` for the last complete 年度 — its
 * indicators for that 年度 and the three before it, the bucket tables, the funnel and the breakdowns — is asked
 * BENCH_REPORT_RUNS times (default 20) after two warm-up calls. One line on stdout:
 *   bench:report persons=… years=5 indicators=… ms_p95=…
 * Target: ms_p95 ≤ 2,000 on the 2-core machine. BENCH_REPORT_PERSONS / _MATCHES / _FOLLOWUPS set another size.
 */
import "reflect-metadata";
import "./report/report-env.js";
import { fiscalYearOf, fiscalYearRange, today } from "@tsunagu/calendar";
import { progress, runBench } from "./bench-env.js";
import { writeReportCity } from "./report/report-data.js";

const PERSONS = Number(process.env.BENCH_REPORT_PERSONS ?? 10_000);
const MATCHES = Number(process.env.BENCH_REPORT_MATCHES ?? 30_000);
const FOLLOW_UPS = Number(process.env.BENCH_REPORT_FOLLOWUPS ?? 200_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 20);
const YEARS = 5;

const REPORT = /* GraphQL */ `
  query BenchEvaluationReport($fiscalYear: Int!) {
    evaluationReport(fiscalYear: $fiscalYear) {
      fiscalYear
      years
      rows {
        indicatorId
        name
        unit
        jigyo
        bunya
        definition
        entered
        years {
          fiscalYear
          target
          actual
          rate
        }
        rate
        bucket
        breakdown {
          axis
          key
          value
        }
      }
      byJigyo {
        key
        label
        total
        atLeast100
        atLeast75
        atLeast50
        atLeast25
        above0
        zero
        noTarget
      }
      byBunya {
        key
        total
      }
      funnel {
        intakes
        consents
        supportedPersons
        carriedOverPersons
        planPersons
        newPlanPersons
        replanPersons
        cooperationOrganizations
        matchings
      }
    }
  }
`;

interface ReportAnswer {
  evaluationReport: {
    rows: { indicatorId: string; years: { actual: number | null }[] }[];
    funnel: Record<string, number>;
  };
}

runBench("bench:report", { relay: false, resources: 320 }, async (env) => {
  const now = today();
  const fiscalYear = fiscalYearOf(now) - 1; // the last complete 年度
  const from = fiscalYearRange(fiscalYear - (YEARS - 2)).start;
  const started = performance.now();
  const counts = await writeReportCity(env.db, {
    persons: PERSONS,
    matches: MATCHES,
    followUps: FOLLOW_UPS,
    from,
    to: now,
  });
  progress(
    `city written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
  const ask = async () => {
    const t0 = performance.now();
    const answer = await env.gql<ReportAnswer>(REPORT, { fiscalYear });
    const ms = performance.now() - t0;
    if (answer.errors?.length || !answer.data)
      throw new Error(`evaluationReport failed: ${JSON.stringify(answer.errors)}`);
    return { ms, report: answer.data.evaluationReport };
  };
  const { report } = await ask();
  await ask();
  const computed = report.rows.filter((r) => r.years.at(-1)?.actual != null).length;
  progress(
    `年度 ${fiscalYear}: ${report.rows.length} indicators (${computed} with an actual), funnel ${JSON.stringify(report.funnel)}`,
  );
  if (report.funnel.matchings === 0 || computed === 0)
    throw new Error("the report counted nothing: the city was not read");
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await ask()).ms);
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  progress(`ms p50 ${p(0.5).toFixed(0)}, p95 ${p(0.95).toFixed(0)}, max ${times.at(-1)!.toFixed(0)} over ${RUNS} runs`);
  return `bench:report persons=${PERSONS} years=${YEARS} indicators=${report.rows.length} ms_p95=${p(0.95).toFixed(0)}`;
});
