import { daysBetween, endOfWeek } from "@tsunagu/calendar";

/** How far ahead to ask for: the rest of this week (weeks run Monday to Sunday, JST). */
export function withinDaysForThisWeek(today: string): number {
  return daysBetween(today, endOfWeek(today));
}

export interface DueSections<T> {
  overdue: T[];
  today: T[];
  thisWeek: T[];
}

/** The server's states decide overdue and today; 今週 is what remains due by Sunday. */
export function splitDues<T extends { state: string; due: { dueOn: string } }>(
  dues: readonly T[],
  today: string,
): DueSections<T> {
  const sunday = endOfWeek(today);
  return {
    overdue: dues.filter((d) => d.state === "OVERDUE"),
    today: dues.filter((d) => d.state === "DUE_TODAY"),
    thisWeek: dues.filter((d) => d.state === "UPCOMING" && d.due.dueOn <= sunday),
  };
}
