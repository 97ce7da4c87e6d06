import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Client types come from the committed SDL (`schema/schema.graphql`, emitted by the server), never from a running
 * server. `npm run codegen` rewrites `src/gql/`; the web typecheck fails when a document no longer fits the schema.
 */
const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        // Components read their own fragment's fields directly; Apollo's cache normalises by id either way.
        fragmentMasking: false,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        scalars: { DateTimeISO: "string", LocalDate: "string", ID: "string" },
      },
    },
  },
};

export default config;
