import type { ApolloServerPlugin } from "@apollo/server";

const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * graphql-js answers a misspelt field, argument, input field or enum value with "Did you mean …?", naming what the
 * schema has. With introspection off (production), that would hand the schema out piece by piece: these suggestions
 * are removed from every error (validation, and the variables' own errors, which Apollo's built-in option leaves).
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
        },
      };
    },
  };
}
