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
        // A component reads only its own fragment's fields, through useFragment (src/gql/fragment-masking.ts): a
        // parent that needs a field asks for it itself, so removing a field from one fragment breaks no other component.
        fragmentMasking: { unmaskFunctionName: "useFragment" },
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
