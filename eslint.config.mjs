// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", ".data/**", "web/src/gql/**", "docs/**"] },
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
      "no-restricted-syntax": [
        "error",
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: "Throw a DomainError (core/errors.ts) from services; a plain Error becomes INTERNAL_SERVER_ERROR.",
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
