import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, OperationTypeNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { Context } from "../context.js";
import type { RateLimiter } from "./rate-limiter.js";

/**
 * Sign-in attempts over HTTP count against their own, tighter per-address limit (every request already counts
 * against the general one, in app.http.ts). Checked once the operation is known and before anything runs, so a
 * refused attempt checks no password and writes nothing. In-process calls (tests, scripts) have no client: not limited.
 */
export function signInRateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!contextValue.http || operation?.operation !== OperationTypeNode.MUTATION) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          if (rootFieldNames(operation.selectionSet, fragments).has("login")) {
            await limiter.checkSignIn(contextValue.clientAddress);
          }
        },
      };
    },
  };
}

/** The root fields an operation calls, through inline fragments and fragment spreads. */
function rootFieldNames(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  out = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.add(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) rootFieldNames(sel.selectionSet, fragments, out, seen);
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = fragments.get(sel.name.value);
      if (fragment) rootFieldNames(fragment.selectionSet, fragments, out, seen);
    }
  }
  return out;
}
