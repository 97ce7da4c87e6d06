import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const CONSENT_ITEM_FRAGMENT = graphql(`
  fragment ConsentItem_consent on Consent {
    id
    state
    purpose
    method
    facts
    givenOn
    expiresOn
    withdrawnAt
    withdrawalReason
    note
    organization {
      id
      name
    }
    recordedBy {
      id
      displayName
    }
  }
`);

export const RECORD_CONSENT_MUTATION = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      consent {
        id
        givenOn
        ...ConsentItem_consent
      }
    }
  }
`);

export const WITHDRAW_CONSENT_MUTATION = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      consent {
        id
        ...ConsentItem_consent
      }
    }
  }
`);

/** Re-read after a consent: the server may move a 支援会議 person to 同意あり, a rule not repeated here. */
export const PERSON_TRACK_QUERY = graphql(`
  query PersonTrack($id: ID!) {
    person(id: $id) {
      id
      track
    }
  }
`);

/**
 * 同意を記録. The record joins the person's list in the cache (newest 同意日 first, as the server orders it); the
 * person's track, which the payload does not carry, is re-read.
 */
export function useRecordConsent(personId: string) {
  return useMutation(RECORD_CONSENT_MUTATION, {
    refetchQueries: [{ query: PERSON_TRACK_QUERY, variables: { id: personId } }],
    update(cache, { data }) {
      const consent = data?.recordConsent.consent;
      if (!consent) return;
      cache.modify({
        id: cache.identify({ __typename: "Person", id: personId }),
        fields: {
          consents: (existing: readonly { __ref: string }[] = [], { toReference, readField }) => {
            const ref = toReference(consent)!;
            const later = existing.findIndex((c) => (readField<string>("givenOn", c) ?? "") <= consent.givenOn);
            const at = later === -1 ? existing.length : later;
            return [...existing.slice(0, at), ref, ...existing.slice(at)];
          },
        },
      });
    },
  });
}

/** 同意の撤回: the payload's consent (state 撤回, when, why) merges by id; nothing else changes. */
export function useWithdrawConsent() {
  return useMutation(WITHDRAW_CONSENT_MUTATION);
}
