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
);
