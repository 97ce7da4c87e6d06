import "reflect-metadata";
import { createRequire } from "node:module";
import type { ValidationError } from "class-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { Arg, ArgumentValidationError, buildSchema, Int, Query, Resolver } from "type-graphql";
import { describeSchedule, nextSessions } from "./schedule";
import { Schedule, ScheduleInput, Session } from "./schedule.types";

// Vitest resolves a bare `import "graphql"` to graphql's ESM build, while the externalised type-graphql
// require()s the CJS build; two graphql instances reject each other's schemas ("another module or realm").
// Loading it through require gives us the instance type-graphql uses.
const { graphql } = createRequire(__filename)("graphql") as typeof import("graphql");
type GraphQLSchema = import("graphql").GraphQLSchema;

/** Exercises the input types the way a real resolver receives them: built and validated by type-graphql. */
@Resolver()
class ScheduleTestResolver {
  @Query(() => String)
  describe(@Arg("schedule", () => ScheduleInput) schedule: ScheduleInput): string {
    return describeSchedule(schedule);
  }

  @Query(() => String, { description: "How type-graphql built the argument (class names, note default)." })
  received(@Arg("schedule", () => ScheduleInput) schedule: ScheduleInput): string {
    return JSON.stringify([schedule.constructor.name, ...schedule.rules.map((r) => r.constructor.name), schedule.note]);
  }

  @Query(() => Schedule)
  echo(@Arg("schedule", () => ScheduleInput) schedule: ScheduleInput): Schedule {
    return schedule;
  }

  @Query(() => [Session])
  sessions(
    @Arg("schedule", () => ScheduleInput) schedule: ScheduleInput,
    @Arg("from", () => Date) from: Date,
    @Arg("count", () => Int) count: number,
  ): Session[] {
    return nextSessions(schedule, from, count);
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [ScheduleTestResolver], validate: true });
});

const run = (source: string, schedule: unknown, extra: Record<string, unknown> = {}) =>
  graphql({ schema, source, variableValues: { schedule, ...extra } });
const DESCRIBE = "query ($schedule: ScheduleInput!) { describe(schedule: $schedule) }";

/** Flattens class-validator's nested errors to "rules.0.endTime" → messages. */
function flatten(errors: readonly ValidationError[], prefix = ""): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix + e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    Object.assign(out, flatten(e.children ?? [], `${path}.`));
  }
  return out;
}

async function validationErrors(schedule: unknown): Promise<Record<string, string[]>> {
  const result = await run(DESCRIBE, schedule);
  expect(result.errors).toHaveLength(1);
  const error = result.errors![0].originalError;
  expect(error).toBeInstanceOf(ArgumentValidationError);
  return flatten((error as ArgumentValidationError).extensions.validationErrors);
}

const weekly = { frequency: "WEEKLY", weekdays: ["TUE", "FRI"], startTime: "10:00", endTime: "11:30" };

describe("ScheduleInput through type-graphql", () => {
  it("accepts a valid schedule, instantiating nested input classes and defaulting omitted fields", async () => {
    const input = {
      rules: [weekly, { frequency: "SPECIFIC_DATES", dates: ["2026-12-05"], startTime: "13:00", endTime: "14:00" }],
    };
    expect((await run(DESCRIBE, input)).data).toEqual({
      describe: "毎週火・金 10:00〜11:30、2026年12月5日(土) 13:00〜14:00",
    });
    const received = await run("query ($schedule: ScheduleInput!) { received(schedule: $schedule) }", input);
    expect(JSON.parse((received.data as { received: string }).received)).toEqual([
      "ScheduleInput",
      "ScheduleRuleInput",
      "ScheduleRuleInput",
      null,
    ]);
  });

  it("serves the output types: Schedule echoes, Session times are DateTimeISO", async () => {
    const echo = await run(
      "query ($schedule: ScheduleInput!) { echo(schedule: $schedule) { rules { frequency weekdays nthWeeks dates } closedOnHolidays note } }",
      { rules: [weekly], closedOnHolidays: true },
    );
    expect(echo.data).toEqual({
      echo: {
        rules: [{ frequency: "WEEKLY", weekdays: ["TUE", "FRI"], nthWeeks: [], dates: [] }],
        closedOnHolidays: true,
        note: null,
      },
    });
    const sessions = await run(
      "query ($schedule: ScheduleInput!, $from: DateTimeISO!) { sessions(schedule: $schedule, from: $from, count: 2) { date weekday startsAt endsAt label } }",
      { rules: [weekly] },
      { from: "2026-11-23T20:00:00Z" },
    );
    expect(sessions.data).toEqual({
      sessions: [
        {
          date: "2026-11-24",
          weekday: "TUE",
          startsAt: "2026-11-24T01:00:00.000Z",
          endsAt: "2026-11-24T02:30:00.000Z",
          label: "2026年11月24日(火) 10:00〜11:30",
        },
        {
          date: "2026-11-27",
          weekday: "FRI",
          startsAt: "2026-11-27T01:00:00.000Z",
          endsAt: "2026-11-27T02:30:00.000Z",
          label: "2026年11月27日(金) 10:00〜11:30",
        },
      ],
    });
  });

  it("reports endTime not after startTime on endTime", async () => {
    expect(await validationErrors({ rules: [{ ...weekly, startTime: "10:30", endTime: "10:30" }] })).toEqual({
      "rules.0.endTime": ["終了時刻は開始時刻より後にしてください"],
    });
  });

  it("rejects malformed times once, without a second 'after' error", async () => {
    expect(await validationErrors({ rules: [{ ...weekly, startTime: "9:00", endTime: "24:00" }] })).toEqual({
      "rules.0.startTime": ["時刻は HH:MM 形式 (00:00〜23:59) で入力してください"],
      "rules.0.endTime": ["時刻は HH:MM 形式 (00:00〜23:59) で入力してください"],
    });
  });

  it("requires weekdays for WEEKLY and MONTHLY_NTH_WEEKDAY, and valid nthWeeks", async () => {
    const errors = await validationErrors({
      rules: [
        { ...weekly, weekdays: [] },
        { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: [], startTime: "10:00", endTime: "11:00" },
        { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["TUE"], nthWeeks: [2, 6], startTime: "10:00", endTime: "11:00" },
      ],
    });
    expect(errors).toEqual({
      "rules.0.weekdays": ["曜日を1つ以上選んでください"],
      "rules.1.weekdays": ["曜日を1つ以上選んでください"],
      "rules.1.nthWeeks": ["第何週かを1つ以上選んでください"],
      "rules.2.nthWeeks": ["第何週かは 1〜5 または最終 (-1) で指定してください"],
    });
  });

  it("requires real calendar dates for SPECIFIC_DATES and closedDates", async () => {
    const errors = await validationErrors({
      rules: [
        { frequency: "SPECIFIC_DATES", dates: ["2026-12-05", "2026-02-30"], startTime: "10:00", endTime: "11:00" },
        { frequency: "SPECIFIC_DATES", startTime: "10:00", endTime: "11:00" },
      ],
      closedDates: ["2026/12/01"],
    });
    expect(errors).toEqual({
      "rules.0.dates": ["日付は YYYY-MM-DD 形式の実在する日付で入力してください"],
      "rules.1.dates": ["開催日を1つ以上入力してください"],
      closedDates: ["臨時休止日は YYYY-MM-DD 形式の実在する日付で入力してください"],
    });
  });

  it("bounds rules, dates and the note", async () => {
    const manyDates = Array.from({ length: 367 }, (_, i) =>
      new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const errors = await validationErrors({
      rules: Array.from({ length: 21 }, () => weekly),
      closedDates: manyDates,
      note: "あ".repeat(201),
    });
    expect(errors).toEqual({
      rules: ["開催ルールは20件までです"],
      closedDates: ["臨時休止日は366件までです"],
      note: ["補足は200文字以内で入力してください"],
    });
    expect(
      (await run(DESCRIBE, { rules: [weekly], note: "あ".repeat(200), closedDates: manyDates.slice(0, 366) })).errors,
    ).toBeUndefined();
  });
});
