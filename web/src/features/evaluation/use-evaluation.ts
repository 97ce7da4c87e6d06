import { useMutation } from "@apollo/client/react";
import type { SetIndicatorValuesInput, SetReportNarrativeInput } from "../../gql/graphql";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import {
  CARRY_TARGETS_FORWARD,
  EVALUATION_REPORT_QUERY,
  INDICATOR_TARGETS_QUERY,
  SET_INDICATOR_ENTERED_VALUES,
  SET_INDICATOR_TARGETS,
  SET_REPORT_NARRATIVE,
} from "./evaluation-queries";

export type SaveResult<T> = { ok: true; value: T } | { ok: false; error: ParsedError };

async function attempt<T>(run: () => Promise<T>): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: parseGraphQLError(e) };
  }
}

// A saved value changes the report's 達成率, buckets and summary tables, which the server computes: the report of
// that 年度 is read again rather than patched in the cache.
const reportOf = (fiscalYear: number) => ({ query: EVALUATION_REPORT_QUERY, variables: { fiscalYear } });

/** 【達成度評価】【今後の課題と方向性】 of one 事業. */
export function useSetReportNarrative() {
  const [mutate, { loading }] = useMutation(SET_REPORT_NARRATIVE);
  const save = (input: SetReportNarrativeInput) =>
    attempt(async () => {
      const { data } = await mutate({
        variables: { input },
        refetchQueries: [reportOf(input.fiscalYear)],
        awaitRefetchQueries: true,
      });
      return data!.setReportNarrative.narrative;
    });
  return [save, loading] as const;
}

/** 実績 of hand-entered indicators. */
export function useSetIndicatorEnteredValues() {
  const [mutate, { loading }] = useMutation(SET_INDICATOR_ENTERED_VALUES);
  const save = (input: SetIndicatorValuesInput) =>
    attempt(async () => {
      const { data } = await mutate({
        variables: { input },
        refetchQueries: [reportOf(input.fiscalYear)],
        awaitRefetchQueries: true,
      });
      return data!.setIndicatorEnteredValues.values;
    });
  return [save, loading] as const;
}

/** 目標値 of a 年度; the targets list of that 年度 is read again (the report is read fresh when it is next opened). */
export function useSetIndicatorTargets() {
  const [mutate, { loading }] = useMutation(SET_INDICATOR_TARGETS);
  const save = (input: SetIndicatorValuesInput) =>
    attempt(async () => {
      const { data } = await mutate({
        variables: { input },
        refetchQueries: [{ query: INDICATOR_TARGETS_QUERY, variables: { fiscalYear: input.fiscalYear } }],
        awaitRefetchQueries: true,
      });
      return data!.setIndicatorTargets.targets;
    });
  return [save, loading] as const;
}

/** 前年度の目標を引き継ぐ: copies `fromYear`'s targets to `toYear` where it has none. */
export function useCarryTargetsForward() {
  const [mutate, { loading }] = useMutation(CARRY_TARGETS_FORWARD);
  const carry = (fromYear: number, toYear: number) =>
    attempt(async () => {
      const { data } = await mutate({
        variables: { input: { fromYear, toYear } },
        refetchQueries: [{ query: INDICATOR_TARGETS_QUERY, variables: { fiscalYear: toYear } }],
        awaitRefetchQueries: true,
      });
      return data!.carryTargetsForward.targets;
    });
  return [carry, loading] as const;
}
