import { today } from "@tsunagu/calendar";
import { In, type DataSource, type EntityManager } from "typeorm";
import { DomainError, badInput, forbidden, type FieldError } from "../core/errors.js";
import type { Viewer } from "../core/viewer.js";
import { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import {
  BUCKETS,
  YEARS_SHOWN,
  buildEvaluationReport,
  type Bucket,
  type EvaluationReport as ComputedReport,
  type BucketTableRow as BucketRow,
} from "./evaluation-report.js";
import { INDICATOR_CATALOG, computedKind, type IndicatorDefinition, type Jigyo } from "./indicator-catalog.js";
import { loadIndicatorRecords } from "./indicator-records.loader.js";
import {
  IndicatorEnteredValue,
  IndicatorTarget,
  IndicatorValueChange,
  IndicatorValueKind,
  ReportNarrative,
} from "./indicator-value.entity.js";
import {
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  type CarryTargetsForwardInput,
  type SetIndicatorValuesInput,
  type SetReportNarrativeInput,
} from "./indicator.inputs.js";
import { indicatorPolicy } from "./indicator.policy.js";
import { AXIS_CODE, BUCKET_CODE, type BucketTableRow, type EvaluationReport } from "./indicator.types.js";

/** The column default of MunicipalSettings.onTimeGraceDays, for a database whose settings row is missing. */
const DEFAULT_GRACE_DAYS = 7;

type ValueEntity = typeof IndicatorTarget | typeof IndicatorEnteredValue;

/**
 * The evaluation report (実施状況報告) and what staff write into it: targets, hand-entered actuals, narratives. Every
 * figure's definition is in indicator-catalog.ts; this service loads, checks and stores.
 */
export class IndicatorService {
  constructor(
    private readonly db: DataSource,
    private readonly catalog: readonly IndicatorDefinition[] = INDICATOR_CATALOG,
  ) {}

  async report(viewer: Viewer | null, fiscalYear: number, now: Date = new Date()): Promise<EvaluationReport> {
    const { report, narratives } = await this.computed(viewer, fiscalYear, now);
    return {
      fiscalYear: report.fiscalYear,
      years: report.years,
      rows: report.rows.map((r) => ({
        ...r,
        bunya: [...r.bunya],
        bucket: r.bucket && BUCKET_CODE[r.bucket],
        breakdown: r.breakdown.map((b) => ({ ...b, axis: AXIS_CODE[b.axis] })),
      })),
      byJigyo: report.byJigyo.map(bucketRow),
      byBunya: report.byBunya.map(bucketRow),
      funnel: report.funnel,
      narratives,
    };
  }

  /** The report as computed (Japanese bucket names), for the .xlsx and CSV files. */
  async computed(
    viewer: Viewer | null,
    fiscalYear: number,
    now: Date = new Date(),
  ): Promise<{ report: ComputedReport; narratives: ReportNarrative[] }> {
    if (!indicatorPolicy.read(viewer)) throw forbidden();
    checkYear("fiscalYear", fiscalYear);
    const firstYear = fiscalYear - (YEARS_SHOWN - 1);
    // The records, targets and narratives are read in one snapshot: a figure and its target cannot disagree.
    return this.db.transaction("REPEATABLE READ", async (tx) => {
      const settings = await MunicipalSettingsService.find(tx);
      const records = await loadIndicatorRecords(tx, {
        fromYear: firstYear,
        toYear: fiscalYear,
        asOf: today(now),
        graceDays: settings?.onTimeGraceDays ?? DEFAULT_GRACE_DAYS,
      });
      const years = Array.from({ length: YEARS_SHOWN }, (_, i) => firstYear + i);
      const targets = await tx.getRepository(IndicatorTarget).find({ where: { fiscalYear: In(years) } });
      const enteredValues = await tx.getRepository(IndicatorEnteredValue).find({ where: { fiscalYear: In(years) } });
      const narratives = await tx
        .getRepository(ReportNarrative)
        .find({ where: { fiscalYear }, order: { jigyo: "ASC" } });
      const report = buildEvaluationReport({
        fiscalYear,
        catalog: this.catalog,
        records,
        targets,
        enteredValues,
        narratives: narratives.map((n) => ({ ...n, jigyo: n.jigyo as Jigyo })),
      });
      return { report, narratives };
    });
  }

  async targets(viewer: Viewer | null, fiscalYear: number): Promise<IndicatorTarget[]> {
    if (!indicatorPolicy.read(viewer)) throw forbidden();
    checkYear("fiscalYear", fiscalYear);
    return this.db.getRepository(IndicatorTarget).find({ where: { fiscalYear }, order: { indicatorId: "ASC" } });
  }

  async history(
    viewer: Viewer | null,
    indicatorId: string,
    fiscalYear: number,
    kind: IndicatorValueKind,
  ): Promise<IndicatorValueChange[]> {
    if (!indicatorPolicy.read(viewer)) throw forbidden();
    checkYear("fiscalYear", fiscalYear);
    if (!this.catalog.some((d) => d.id === indicatorId)) throw badInput("indicatorId", "指標が見つかりません");
    return this.db
      .getRepository(IndicatorValueChange)
      .find({ where: { indicatorId, fiscalYear, kind }, order: { changedAt: "DESC", id: "DESC" } });
  }

  setTargets(viewer: Viewer | null, input: SetIndicatorValuesInput): Promise<IndicatorTarget[]> {
    return this.setValues(viewer, input, IndicatorTarget, IndicatorValueKind.TARGET);
  }

  setEnteredValues(viewer: Viewer | null, input: SetIndicatorValuesInput): Promise<IndicatorEnteredValue[]> {
    return this.setValues(viewer, input, IndicatorEnteredValue, IndicatorValueKind.ENTERED);
  }

  /** Copies `fromYear`'s targets into `toYear` for the indicators that have none there yet; returns those copied. */
  async carryTargetsForward(viewer: Viewer | null, input: CarryTargetsForwardInput): Promise<IndicatorTarget[]> {
    if (!indicatorPolicy.write(viewer)) throw forbidden();
    if (input.fromYear === input.toYear) throw badInput("input.toYear", "引き継ぐ先には別の年度を指定してください");
    return this.db.transaction(async (tx) => {
      await lockValues(tx, IndicatorTarget);
      const repo = tx.getRepository(IndicatorTarget);
      const source = await repo.find({ where: { fiscalYear: input.fromYear } });
      const taken = new Set((await repo.find({ where: { fiscalYear: input.toYear } })).map((t) => t.indicatorId));
      const copied: IndicatorTarget[] = [];
      for (const t of source
        .filter((s) => !taken.has(s.indicatorId))
        .sort((a, b) => a.indicatorId.localeCompare(b.indicatorId))) {
        copied.push(
          await repo.save(
            repo.create({
              indicatorId: t.indicatorId,
              fiscalYear: input.toYear,
              value: t.value,
              setById: viewer!.userId,
            }),
          ),
        );
        await recordChange(tx, IndicatorValueKind.TARGET, t.indicatorId, input.toYear, null, t.value, viewer!.userId);
      }
      return copied;
    });
  }

  async setNarrative(viewer: Viewer | null, input: SetReportNarrativeInput): Promise<ReportNarrative> {
    if (!indicatorPolicy.write(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      // One row per 年度 and 事業: an upsert, so two first saves at once cannot both insert.
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO report_narrative (fiscal_year, jigyo, achievement_evaluation, issues_and_direction, updated_by_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (fiscal_year, jigyo) DO UPDATE SET achievement_evaluation = EXCLUDED.achievement_evaluation,
           issues_and_direction = EXCLUDED.issues_and_direction, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
         RETURNING id`,
        [
          input.fiscalYear,
          input.jigyo,
          input.achievementEvaluation.trim(),
          input.issuesAndDirection.trim(),
          viewer!.userId,
        ],
      );
      return tx.getRepository(ReportNarrative).findOneByOrFail({ id: row.id });
    });
  }

  private async setValues<E extends ValueEntity>(
    viewer: Viewer | null,
    input: SetIndicatorValuesInput,
    entity: E,
    kind: IndicatorValueKind,
  ): Promise<InstanceType<E>[]> {
    if (!indicatorPolicy.write(viewer)) throw forbidden();
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    input.values.forEach((v, i) => {
      const field = `input.values.${i}.indicatorId`;
      const d = this.catalog.find((c) => c.id === v.indicatorId);
      if (!d) problems.push({ field, messages: ["指標が見つかりません"] });
      else if (kind === IndicatorValueKind.ENTERED && computedKind(d))
        problems.push({ field, messages: ["記録から計算する指標には実績を入力できません"] });
      else if (seen.has(v.indicatorId)) problems.push({ field, messages: ["同じ指標が2回入っています"] });
      seen.add(v.indicatorId);
    });
    if (problems.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", problems);
    return this.db.transaction(async (tx) => {
      await lockValues(tx, entity);
      const repo = tx.getRepository<IndicatorTarget>(entity);
      const saved: IndicatorTarget[] = [];
      for (const v of input.values) {
        const existing = await repo.findOneBy({ indicatorId: v.indicatorId, fiscalYear: input.fiscalYear });
        if (existing && existing.value === v.value) {
          saved.push(existing);
          continue;
        }
        const row = existing ?? repo.create({ indicatorId: v.indicatorId, fiscalYear: input.fiscalYear });
        const previous = existing?.value ?? null;
        Object.assign(row, { value: v.value, setById: viewer!.userId, setAt: new Date() });
        saved.push(await repo.save(row));
        await recordChange(tx, kind, v.indicatorId, input.fiscalYear, previous, v.value, viewer!.userId);
      }
      return saved as InstanceType<E>[];
    });
  }
}

function checkYear(field: string, year: number) {
  if (!Number.isInteger(year) || year < FISCAL_YEAR_MIN || year > FISCAL_YEAR_MAX)
    throw badInput(field, "年度は2000〜2100で指定してください");
}

/**
 * Writers of one value table take turns (a first setting of a target is an insert, which no row lock covers); readers
 * are not held up. These tables are written a few times a year.
 */
async function lockValues(tx: EntityManager, entity: ValueEntity) {
  const table = tx.getRepository<IndicatorTarget>(entity).metadata.tableName;
  await tx.query(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
}

async function recordChange(
  tx: EntityManager,
  kind: IndicatorValueKind,
  indicatorId: string,
  fiscalYear: number,
  previousValue: number | null,
  value: number,
  changedById: string,
) {
  const repo = tx.getRepository(IndicatorValueChange);
  await repo.save(repo.create({ kind, indicatorId, fiscalYear, previousValue, value, changedById }));
}

function bucketRow(r: BucketRow): BucketTableRow {
  const c = (b: Bucket) => r.counts[b];
  const [b100, b75, b50, b25, b0, zero] = BUCKETS;
  return {
    key: r.key,
    label: r.label,
    total: r.total,
    noTarget: r.noTarget,
    atLeast100: c(b100),
    atLeast75: c(b75),
    atLeast50: c(b50),
    atLeast25: c(b25),
    above0: c(b0),
    zero: c(zero),
  };
}
