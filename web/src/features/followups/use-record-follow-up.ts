import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const FOLLOW_UP_RECORD_FRAGMENT = graphql(`
  fragment FollowUpRecordItem_record on FollowUpRecord {
    id
    contactedOn
    method
    counterparts
    changeObserved
    narrative
    isOutcomeEvaluation
    recordedBy {
      id
      displayName
    }
  }
`);

export const RECORD_FOLLOW_UP_MUTATION = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      followUp {
        id
        participationLevel
        ...FollowUpRecordItem_record
      }
    }
  }
`);

/** Re-read after a record: which planned visit it completed, and the next one, are the server's decision. */
export const MATCH_FOLLOW_UP_DUES_QUERY = graphql(`
  query MatchFollowUpDues($id: ID!) {
    match(id: $id) {
      id
      followUpDues {
        id
        dueOn
        kind
        status
      }
    }
  }
`);

/**
 * フォローアップを記録. The record joins its match's list and a new ladder level goes onto the person, in the cache.
 * The payload does not say which planned visit the record completed (the server picks the oldest open one unless
 * told) nor the id of the next one it planned, so the match's dues are re-read rather than guessed. Today's list and
 * the 年度's figures are dropped and load fresh when next shown.
 */
export function useRecordFollowUp(matchId: string, personId: string | undefined) {
  return useMutation(RECORD_FOLLOW_UP_MUTATION, {
    refetchQueries: [{ query: MATCH_FOLLOW_UP_DUES_QUERY, variables: { id: matchId } }],
    awaitRefetchQueries: true,
    update(cache, { data }) {
      const record = data?.recordFollowUp.followUp;
      if (!record) return;
      cache.modify({
        id: cache.identify({ __typename: "Match", id: matchId }),
        fields: {
          followUps: (existing: readonly { __ref: string }[] = [], { toReference }) => [
            toReference(record)!,
            ...existing,
          ],
        },
      });
      if (record.participationLevel && personId) {
        cache.modify({
          id: cache.identify({ __typename: "Person", id: personId }),
          fields: { participationLevel: () => record.participationLevel },
        });
      }
      cache.evict({ id: "ROOT_QUERY", fieldName: "myFollowUpsDue" });
      cache.evict({ id: "ROOT_QUERY", fieldName: "outcomeSummary" });
      cache.gc();
    },
  });
}
