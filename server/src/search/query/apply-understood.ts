import { badInput } from "../../core/errors.js";
import type { TransportOption } from "../../resources/resource.enums.js";
import type { TimeBand, Weekday } from "../../schedules/schedule.value.js";
import { SearchResourcesInput, TimeWindowInput } from "../search.inputs.js";
import { UnderstoodKind } from "./query-words.js";
import type { UnderstoodQuery } from "./understand.js";

const union = <T extends string>(a: readonly T[] | null | undefined, b: readonly T[]): T[] | null => {
  const all = [...new Set([...(a ?? []), ...b])];
  return all.length ? all : null;
};

/**
 * The search the filters of the input and the words of the box ask for together.
 *
 * - A list facet (曜日, 時間帯, 地域, 交通) means "any of": a word is one more value ticked in it, so 「火曜」 typed
 *   with 月 ticked finds listings on Monday or Tuesday (union).
 * - 無料, 見学, 体験 are yes-or-nothing: either asks for it.
 * - Times: the windows read from the words span from the earliest to the latest; with an explicit `timeWindow` the
 *   two intersect (both must hold), and a window that is then empty is bad input rather than a silent zero.
 */
export function applyUnderstood(input: SearchResourcesInput, query: UnderstoodQuery): SearchResourcesInput {
  const values = (kind: UnderstoodKind) => query.understood.filter((u) => u.kind === kind).map((u) => u.value);
  const has = (kind: UnderstoodKind) => query.understood.some((u) => u.kind === kind);
  const merged = Object.assign(new SearchResourcesInput(), input, {
    text: query.text,
    weekdays: union(input.weekdays, values(UnderstoodKind.WEEKDAY) as Weekday[]),
    timeBands: union(input.timeBands, values(UnderstoodKind.TIME_BAND) as TimeBand[]),
    areaIds: union(input.areaIds, values(UnderstoodKind.AREA)),
    transport: union(input.transport, values(UnderstoodKind.TRANSPORT) as TransportOption[]),
    freeOnly: input.freeOnly || has(UnderstoodKind.FREE) || null,
    visitAllowed: input.visitAllowed || has(UnderstoodKind.VISIT) || null,
    trialAllowed: input.trialAllowed || has(UnderstoodKind.TRIAL) || null,
  });
  const windows = values(UnderstoodKind.TIME_WINDOW).map((v) => v.split("-") as [string, string]);
  if (windows.length) {
    const from = windows.map((w) => w[0]).sort()[0];
    const to = windows
      .map((w) => w[1])
      .sort()
      .at(-1)!;
    const explicit = input.timeWindow;
    const window = Object.assign(new TimeWindowInput(), {
      from: explicit && explicit.from > from ? explicit.from : from,
      to: explicit && explicit.to < to ? explicit.to : to,
    });
    if (window.from > window.to)
      throw badInput("input.timeWindow", `ことばの時刻 (${from}〜${to}) と指定した時刻の範囲が重なりません`);
    merged.timeWindow = window;
  }
  return merged;
}
