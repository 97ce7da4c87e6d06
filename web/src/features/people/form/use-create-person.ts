import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const CREATE_PERSON_MUTATION = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      person {
        id
        displayName
      }
    }
  }
`);

/**
 * 本人の登録. The new person belongs somewhere in 本人一覧's reading order and in the 年度's new consultations, both
 * the server's to compute: those cached lists are dropped and load fresh when next shown.
 */
export function useCreatePerson() {
  return useMutation(CREATE_PERSON_MUTATION, {
    update(cache, { data }) {
      if (!data?.createPerson.person) return;
      cache.evict({ id: "ROOT_QUERY", fieldName: "persons" });
      cache.evict({ id: "ROOT_QUERY", fieldName: "outcomeSummary" });
      cache.gc();
    },
  });
}
