import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The vitest config of one mutation run (tests/mutation/run.mjs): only the unit tests that state the rules of the
// module being mutated (MUTATION_TESTS, comma-separated), so a surviving mutant means those rules miss something.
// Stryker's own `testFiles` option mis-reports static mutants with the vitest runner; a config per run does not.
const tests = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);
if (!tests.length) throw new Error("MUTATION_TESTS is empty: run this through `npm run test:mutation`");

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: "graphql/index.js" },
      // The package's sources in this (sandbox) tree, so that a mutant in them is what the tests run.
      {
        find: /^@tsunagu\/(calendar|labels)$/,
        replacement: fileURLToPath(new URL("../../packages/", import.meta.url)) + "$1/src/$1.ts",
      },
    ],
  },
  test: { environment: "node", include: tests },
});
