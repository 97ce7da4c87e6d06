import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const MEETING_FIELDS = graphql(`
  fragment MeetingRecord_meetingRecord on MeetingRecord {
    id
    heldOn
    kind
    title
    decisions
    restricted
    personCount
    supportMeetingGroupId
    version
    organizations {
      id
      name
    }
    attendees {
      id
      displayName
    }
    persons {
      id
      displayName
    }
    viewerCan {
      update
    }
  }
`);

const CREATE_MEETING = graphql(`
  mutation CreateMeetingRecord($input: CreateMeetingRecordInput!) {
    createMeetingRecord(input: $input) {
      meetingRecord {
        ...MeetingRecord_meetingRecord
      }
    }
  }
`);

const UPDATE_MEETING = graphql(`
  mutation UpdateMeetingRecord($input: UpdateMeetingRecordInput!) {
    updateMeetingRecord(input: $input) {
      meetingRecord {
        ...MeetingRecord_meetingRecord
      }
    }
  }
`);

/*
 * The lists are kept per 年度 and ordered by the server; rather than re-implement where a new or re-dated record goes,
 * every save drops the cached lists so the one on screen reloads.
 */
const reloading = {
  update(cache: { evict: (o: { id: string; fieldName: string }) => boolean; gc: () => string[] }) {
    cache.evict({ id: "ROOT_QUERY", fieldName: "meetingRecords" });
    cache.gc();
  },
};

export const useCreateMeetingRecord = () => useMutation(CREATE_MEETING, reloading);
export const useUpdateMeetingRecord = () => useMutation(UPDATE_MEETING, reloading);
