import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const UPDATE_PERSON_MUTATION = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      person {
        id
        ...PersonForm_person
        ...PersonProfile_person
      }
    }
  }
`);

/**
 * 本人の情報を編集. The payload carries the profile as 本人の詳細 shows it, so that page is current from the cache.
 * Suggestions are ranked from the needs and 本人一覧 is ordered by reading: both are the server's to recompute, so
 * they are dropped and load fresh when next shown.
 */
export function useUpdatePerson() {
  return useMutation(UPDATE_PERSON_MUTATION, {
    update(cache, { data }) {
      if (!data?.updatePerson.person) return;
      cache.evict({ id: "ROOT_QUERY", fieldName: "suggestResources" });
      cache.evict({ id: "ROOT_QUERY", fieldName: "persons" });
      cache.gc();
    },
  });
}
