import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Three kinds of test, one command (`npm test`):
//  - unit:   pure functions, no services (`*.unit.test.ts`)
//  - server: through createApp() on the real embedded PostgreSQL + Meilisearch, started once per run
//  - web:    React components in happy-dom (added with the web client)
//  - e2e:    the built app (server/dist + web/dist) in Debian's Chromium, one server and one browser for the run
export default defineConfig({
  resolve: {
    // graphql 16 ships both CJS and ESM without an exports map. type-graphql and Apollo load the CJS build; a test or
    // source file resolved by Vite would get the ESM one — two realms, "Cannot use GraphQLObjectType from another
    // module". Pin the bare specifier to the CJS entry so there is one graphql.
    alias: [
      { find: /^graphql$/, replacement: "graphql/index.js" },
      // The workspace packages run from their TypeScript sources in tests (node runs their dist build).
      {
        find: /^@tsunagu\/(calendar|labels)$/,
        replacement: fileURLToPath(new URL("packages/", import.meta.url)) + "$1/src/$1.ts",
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["server/src/**/*.unit.test.ts", "packages/*/src/**/*.unit.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          environment: "node",
          include: ["server/src/**/*.test.ts", "tests/api/**/*.test.ts"],
          exclude: ["server/src/**/*.unit.test.ts", "**/node_modules/**"],
          globalSetup: ["server/src/test/global-setup.ts"],
          setupFiles: ["server/src/test/setup-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: "web",
          environment: "happy-dom",
          include: ["web/src/**/*.test.{ts,tsx}"],
          setupFiles: ["web/src/test-setup.ts"],
          // A guard against a hang, not a speed check: on two busy cores a page test that types into a form has
          // taken over 5 s (vitest's default) while another suite ran.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          // One server and one browser serve every file, and the journeys change shared demo data: one file at a time.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
