import { addDays, addMonths } from "@tsunagu/calendar";
import { FollowUpKind } from "./followup.enums.js";

export interface FollowUpRules {
  firstCheckDays: number;
  followUpMonths: number;
  settlingCheckMonths: number[];
  postClosureIntervalMonths: number;
  postClosureContacts: number;
}

export interface PlannedFollowUp {
  kind: FollowUpKind;
  dueOn: string;
}

/**
 * The visits planned when participation starts (or restarts) on `startedOn`: a first check after
 * `firstCheckDays`, one a month through the follow-up period, and the 定着確認 months. A settling check that falls
 * on a monthly date replaces it (one visit, not two).
 */
export function participationSchedule(startedOn: string, rules: FollowUpRules): PlannedFollowUp[] {
  const planned = new Map<string, PlannedFollowUp>();
  const add = (kind: FollowUpKind, dueOn: string) => planned.set(dueOn, { kind, dueOn });
  add(FollowUpKind.FIRST_CHECK, addDays(startedOn, rules.firstCheckDays));
  for (let m = 1; m <= rules.followUpMonths; m++) add(FollowUpKind.MONTHLY, addMonths(startedOn, m));
  for (const m of rules.settlingCheckMonths) add(FollowUpKind.SETTLING_CHECK, addMonths(startedOn, m));
  return [...planned.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** 終結後の定期連絡: every `postClosureIntervalMonths`, `postClosureContacts` times. */
export function postClosureSchedule(closedOn: string, rules: FollowUpRules): PlannedFollowUp[] {
  return Array.from({ length: rules.postClosureContacts }, (_, i) => ({
    kind: FollowUpKind.POST_CLOSURE,
    dueOn: addMonths(closedOn, rules.postClosureIntervalMonths * (i + 1)),
  }));
}
