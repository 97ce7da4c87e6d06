import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const IMPORT_RESOURCES_MUTATION = graphql(`
  mutation ImportResources($input: ImportResourcesInput!) {
    importResources(input: $input) {
      catalogImport {
        ...ImportProgress_catalogImport
      }
    }
  }
`);

/** 取り込む: starts the import; the page then polls its progress (the cache holds it under the import's id). */
export function useImportResources() {
  return useMutation(IMPORT_RESOURCES_MUTATION);
}
