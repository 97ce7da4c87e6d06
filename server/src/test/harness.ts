import { inject } from "vitest";
import { createTestAppOn, type TestApp, type TestAppOptions } from "./test-app.js";

// The harness itself lives in test-app.ts (no vitest there, so `npm run fuzz` can use it); this file adds the run's
// shared servers, which vitest's global setup provides.
export { codesOf, fieldsOf, type Gql, type GqlResult, type TestApp, type TestAppOptions } from "./test-app.js";

export function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestAppOn(
    { pgServerUrl: inject("pgServerUrl"), meiliUrl: inject("meiliUrl"), meiliKey: inject("meiliKey") },
    options,
  );
}
