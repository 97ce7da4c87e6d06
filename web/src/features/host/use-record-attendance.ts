import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { Reference } from "@apollo/client";

const RECORD_ATTENDANCE = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
      sessionOn
      attended
      note
      createdAt
    }
  }
`);

/**
 * 出欠を記録. The server keeps one row per session day (a second record overwrites it), and answers with the row
 * alone: it goes into the referral's `attendance` list here, replacing a row of the same day, newest day first.
 */
export function useRecordAttendance(referralId: string) {
  return useMutation(RECORD_ATTENDANCE, {
    update(cache, { data }) {
      const row = data?.recordAttendance;
      if (!row) return;
      const ref = cache.identify({ __typename: "Referral", id: referralId });
      const added = cache.identify({ __typename: "Attendance", id: row.id });
      if (!ref || !added) return;
      cache.modify<{ attendance: Reference[] }>({
        id: ref,
        fields: {
          attendance(existing, { readField, toReference }) {
            const list = (existing as readonly Reference[]).filter(
              (r) => readField<string>("sessionOn", r) !== row.sessionOn,
            );
            const rowRef = toReference(added);
            if (!rowRef) return existing;
            return [...list, rowRef].sort((a, b) =>
              (readField<string>("sessionOn", b) ?? "").localeCompare(readField<string>("sessionOn", a) ?? ""),
            );
          },
        },
      });
    },
  });
}
