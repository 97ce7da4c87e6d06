// @ts-check
import { readdirSync, readFileSync } from "node:fs";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * Feature boundaries (server/src/<feature>/). What other features may use: `index.ts` (the GraphQL object types),
 * the service, the policy, the enums and the input/view types. Another feature never imports its `*.entity.ts` files
 * (a type-only import is allowed), and never reads or writes its tables: it asks the owner's service, passing its own
 * EntityManager so the call joins its transaction. `core/` knows no feature at all. Entities may import each other:
 * relations are the schema itself. Tests are exempt: they build their data on any table.
 */
const FEATURES = [
  "areas",
  "audit",
  "auth",
  "catalog-import",
  "followups",
  "gaps",
  "matching",
  "organizations",
  "people",
  "readings",
  "reports",
  "resources",
  "schedules",
  "search",
  "directory-export",
  "hsds",
  "settings",
  "intake",
  "meetings",
  "host-relations",
];

/** Entity classes by owning feature: the class after each `@Entity(…)` in the feature's `*.entity.ts` files. */
const ENTITIES = Object.fromEntries(
  FEATURES.map((feature) => {
    const dir = `server/src/${feature}`;
    const names = readdirSync(dir)
      .filter((f) => f.endsWith(".entity.ts"))
      .flatMap((f) => [...readFileSync(`${dir}/${f}`, "utf8").matchAll(/@Entity\([^)]*\)[\s\S]*?export class (\w+)/g)])
      .map((m) => m[1]);
    return [feature, names];
  }),
);

/** EntityManager / Repository / QueryBuilder calls whose first argument names the table's entity class. */
const TABLE_ACCESS =
  "^(getRepository|find|findBy|findOne|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|count|countBy|exists|" +
  "existsBy|save|insert|update|upsert|delete|remove|softDelete|increment|decrement|createQueryBuilder|innerJoin|" +
  "leftJoin|innerJoinAndSelect|leftJoinAndSelect|from|sum|average|minimum|maximum)$";

const NO_PLAIN_ERROR = {
  selector: "ThrowStatement > NewExpression[callee.name='Error']",
  message: "Throw a DomainError (core/errors.ts) from services; a plain Error becomes INTERNAL_SERVER_ERROR.",
};

const featureBoundaries = FEATURES.map((feature) => {
  const foreign = FEATURES.filter((f) => f !== feature).flatMap((f) => ENTITIES[f]);
  return {
    files: [`server/src/${feature}/**/*.ts`],
    ignores: ["**/*.entity.ts", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*/*.entity.js", "../*/*.entity"],
              allowTypeImports: true,
              message: "Another feature's entities are private: import its public surface (../<feature>/index.js).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        NO_PLAIN_ERROR,
        {
          selector: `CallExpression[callee.property.name=/${TABLE_ACCESS}/][arguments.0.name=/^(${foreign.join("|")})$/]`,
          message:
            "Another feature's table: go through that feature's service, passing this transaction's EntityManager.",
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      ".stryker-tmp/**",
      "reports/**",
      "**/dist/**",
      "**/node_modules/**",
      ".data/**",
      "web/src/gql/**",
      "docs/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Tests and GraphQL results read loosely typed JSON; `any` is confined there by the next block.
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["server/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", NO_PLAIN_ERROR],
    },
  },
  ...featureBoundaries,
  {
    files: ["server/src/core/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: FEATURES.map((f) => `../${f}/*`),
              message: "core/ knows no feature: move what it needs into core/, or let the feature hand it over.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "server/src/test/**", "tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-restricted-syntax": "off" },
  },
  {
    // Process entry points and runtime launchers may fail with a plain Error: there is no client to answer.
    files: [
      "server/src/scripts/**",
      "server/src/bench/**",
      "server/src/drill/**",
      "server/src/runtime/**",
      "server/src/main.ts",
      "server/src/app.ts",
      "server/src/config.ts",
      "server/src/db/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Type-aware rules: each TypeScript file is linted with the program of its own tsconfig (typescript-eslint's project
  // service). Chosen from recommendedTypeChecked for what they catch here: a promise nobody awaits or handles, a
  // promise where a callback's result is ignored, a switch that misses a member of a union, an assertion that hides
  // nothing, "[object Object]" in a message, an enum compared with a plain value. The no-unsafe-* family is left
  // out: tests read GraphQL results as loosely typed JSON on purpose.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/no-base-to-string": "error",
      "@typescript-eslint/no-redundant-type-constituents": "error",
      "@typescript-eslint/no-unsafe-enum-comparison": "error",
    },
  },
);
