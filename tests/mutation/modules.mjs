// The domain core under mutation testing (`npm run test:mutation`): each module with the unit tests that state its
// rules. A module is mutated against those tests only.
//
// `equivalent`: mutants that cannot change behaviour, so no test can kill them. Each names the line, the mutator and
// (optionally) a piece of the replacement, and says why in one line. They are left out of the score and listed.
export const TARGET = { module: 0.9, overall: 0.92 };

export const MODULES = [
  {
    module: "server/src/schedules/schedule.dates.ts",
    tests: ["server/src/schedules/schedule.dates.unit.test.ts", "server/src/schedules/schedule.unit.test.ts"],
    equivalent: [
      { line: 22, mutator: "ConditionalExpression", replacement: "false", reason: "parseDay's round trip: a day past the month's end or 00 moves both the month and the day of month, and month 00/13 moves the year too, so dropping the month check or the day check alone rejects the same dates (years < 100 are the year check's)" },
    ],
  },
  {
    module: "server/src/schedules/schedule.ts",
    tests: ["server/src/schedules/schedule.unit.test.ts"],
    equivalent: [
      { line: 108, mutator: "ConditionalExpression", replacement: "false", reason: "no rules: without the early return the 732-day scan matches nothing and returns the same []" },
    ],
  },
  {
    module: "server/src/matching/suggestion.score.ts",
    tests: ["server/src/matching/suggestion.score.unit.test.ts"],
    equivalent: [],
  },
];
