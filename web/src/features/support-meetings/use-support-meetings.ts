import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

export const SUPPORT_MEETING_GROUPS = graphql(`
  query SupportMeetingGroups($includeArchived: Boolean!) {
    supportMeetingGroups(includeArchived: $includeArchived) {
      id
      name
      archivedAt
      personCount
      members {
        id
      }
      ...SupportMeetingRow_group
    }
  }
`);

const CREATE = graphql(`
  mutation CreateSupportMeetingGroup($input: CreateSupportMeetingGroupInput!) {
    createSupportMeetingGroup(input: $input) {
      id
      name
    }
  }
`);

/** Asks for the row's fields, so the list updates from the payload through the cache. */
const UPDATE = graphql(`
  mutation UpdateSupportMeetingGroup($input: UpdateSupportMeetingGroupInput!) {
    updateSupportMeetingGroup(input: $input) {
      supportMeetingGroup {
        id
        name
        members {
          id
        }
        ...SupportMeetingRow_group
      }
    }
  }
`);

const ARCHIVE = graphql(`
  mutation ArchiveSupportMeetingGroup($id: ID!) {
    archiveSupportMeetingGroup(id: $id) {
      supportMeetingGroup {
        id
        archivedAt
        ...SupportMeetingRow_group
      }
    }
  }
`);

const RESTORE = graphql(`
  mutation RestoreSupportMeetingGroup($id: ID!) {
    restoreSupportMeetingGroup(id: $id) {
      supportMeetingGroup {
        id
        archivedAt
        ...SupportMeetingRow_group
      }
    }
  }
`);

export function useSupportMeetingGroups(includeArchived: boolean) {
  return useQuery(SUPPORT_MEETING_GROUPS, { variables: { includeArchived } });
}

/* A new group, or one that leaves or returns to the list without 「アーカイブ済みも表示」, changes which rows the list has: it is read again. */
const REFETCH_LIST = { refetchQueries: ["SupportMeetingGroups"], awaitRefetchQueries: true };

export const useCreateSupportMeetingGroup = () => useMutation(CREATE, REFETCH_LIST);
export const useUpdateSupportMeetingGroup = () => useMutation(UPDATE);
export const useArchiveSupportMeetingGroup = () => useMutation(ARCHIVE, REFETCH_LIST);
export const useRestoreSupportMeetingGroup = () => useMutation(RESTORE, REFETCH_LIST);
