// The domain core under mutation testing (`npm run test:mutation`): each module with the unit tests that state its
// rules. A module is mutated against those tests only.
//
// `equivalent`: mutants that cannot change behaviour, so no test can kill them. Each names the line, the mutator and
// (optionally) a piece of the replacement, and says why in one line. They are left out of the score and listed.
export const TARGET = { module: 0.9, overall: 0.92 };

export const MODULES = [
  {
    module: "server/src/schedules/schedule.dates.ts",
    tests: ["server/src/schedules/schedule.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/reports/outcome.compute.ts",
    tests: ["server/src/reports/outcome.compute.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/matching/match.stages.ts",
    tests: ["server/src/matching/match.stages.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/people/consent.policy.ts",
    tests: ["server/src/people/consent.policy.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/people/person.policy.ts",
    tests: ["server/src/people/person.policy.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/resources/resource.policy.ts",
    tests: ["server/src/resources/resource.policy.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/organizations/organization.policy.ts",
    tests: ["server/src/organizations/organization.policy.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/followups/followup.planner.ts",
    tests: ["server/src/followups/followup.planner.unit.test.ts"],
    equivalent: [],
  },
  {
    module: "server/src/followups/office-days.ts",
    tests: ["server/src/followups/office-days.unit.test.ts"],
    equivalent: [],
  },
];
