import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const COOPERATION_FIELDS = graphql(`
  fragment CooperationRecord_cooperationRequest on CooperationRequest {
    id
    requestedOn
    kind
    answer
    answeredOn
    resourceGapId
    note
    version
    organization {
      id
      name
    }
    person {
      id
      displayName
    }
  }
`);

export const HOST_SUPPORT_FIELDS = graphql(`
  fragment HostSupportRecord_hostSupport on HostSupport {
    id
    givenOn
    kind
    method
    note
    version
    organization {
      id
      name
    }
  }
`);

const CREATE_COOPERATION = graphql(`
  mutation CreateCooperationRequest($input: CreateCooperationRequestInput!) {
    createCooperationRequest(input: $input) {
      cooperationRequest {
        ...CooperationRecord_cooperationRequest
      }
    }
  }
`);

const UPDATE_COOPERATION = graphql(`
  mutation UpdateCooperationRequest($input: UpdateCooperationRequestInput!) {
    updateCooperationRequest(input: $input) {
      cooperationRequest {
        ...CooperationRecord_cooperationRequest
      }
    }
  }
`);

const CREATE_HOST_SUPPORT = graphql(`
  mutation CreateHostSupport($input: CreateHostSupportInput!) {
    createHostSupport(input: $input) {
      hostSupport {
        ...HostSupportRecord_hostSupport
      }
    }
  }
`);

const UPDATE_HOST_SUPPORT = graphql(`
  mutation UpdateHostSupport($input: UpdateHostSupportInput!) {
    updateHostSupport(input: $input) {
      hostSupport {
        ...HostSupportRecord_hostSupport
      }
    }
  }
`);

/*
 * The lists are kept per 年度 and ordered by the server; rather than re-implement where a new or re-dated row goes,
 * every save drops the cached lists so the one on screen reloads.
 */
const reloading = (fieldName: string) => ({
  update(cache: { evict: (o: { id: string; fieldName: string }) => boolean; gc: () => string[] }) {
    cache.evict({ id: "ROOT_QUERY", fieldName });
    cache.gc();
  },
});

export const useCreateCooperationRequest = () => useMutation(CREATE_COOPERATION, reloading("cooperationRequests"));
export const useUpdateCooperationRequest = () => useMutation(UPDATE_COOPERATION, reloading("cooperationRequests"));
export const useCreateHostSupport = () => useMutation(CREATE_HOST_SUPPORT, reloading("hostSupports"));
export const useUpdateHostSupport = () => useMutation(UPDATE_HOST_SUPPORT, reloading("hostSupports"));
