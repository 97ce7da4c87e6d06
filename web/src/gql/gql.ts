/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        displayName\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ResourceCard_resource on Resource {\n    id\n    name\n    nameKana\n    kind\n    status\n    targetGroups\n    openings\n    capacity\n    costPerSessionYen\n    verifiedAt\n    venueName\n    scheduleText\n    nextSessions(count: 1) {\n      date\n      label\n    }\n    organization {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n": typeof types.ResourceCard_ResourceFragmentDoc,
    "\n  query ResourceList($first: Int!, $after: String, $kinds: [ResourceKind!], $text: String) {\n    resources(first: $first, after: $after, kinds: $kinds, text: $text) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ResourceCard_resource\n        }\n      }\n    }\n  }\n  \n": typeof types.ResourceListDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        displayName\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment ResourceCard_resource on Resource {\n    id\n    name\n    nameKana\n    kind\n    status\n    targetGroups\n    openings\n    capacity\n    costPerSessionYen\n    verifiedAt\n    venueName\n    scheduleText\n    nextSessions(count: 1) {\n      date\n      label\n    }\n    organization {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n": types.ResourceCard_ResourceFragmentDoc,
    "\n  query ResourceList($first: Int!, $after: String, $kinds: [ResourceKind!], $text: String) {\n    resources(first: $first, after: $after, kinds: $kinds, text: $text) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ResourceCard_resource\n        }\n      }\n    }\n  }\n  \n": types.ResourceListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        displayName\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        displayName\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceCard_resource on Resource {\n    id\n    name\n    nameKana\n    kind\n    status\n    targetGroups\n    openings\n    capacity\n    costPerSessionYen\n    verifiedAt\n    venueName\n    scheduleText\n    nextSessions(count: 1) {\n      date\n      label\n    }\n    organization {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceCard_resource on Resource {\n    id\n    name\n    nameKana\n    kind\n    status\n    targetGroups\n    openings\n    capacity\n    costPerSessionYen\n    verifiedAt\n    venueName\n    scheduleText\n    nextSessions(count: 1) {\n      date\n      label\n    }\n    organization {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceList($first: Int!, $after: String, $kinds: [ResourceKind!], $text: String) {\n    resources(first: $first, after: $after, kinds: $kinds, text: $text) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ResourceCard_resource\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query ResourceList($first: Int!, $after: String, $kinds: [ResourceKind!], $text: String) {\n    resources(first: $first, after: $after, kinds: $kinds, text: $text) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ResourceCard_resource\n        }\n      }\n    }\n  }\n  \n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;