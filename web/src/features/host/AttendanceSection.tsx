import { useState, type FormEvent } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { formatCalendarDate, hostMessages } from "../../messages";
import { today } from "@tsunagu/calendar";
import { Field, RadioGroup } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useRecordAttendance } from "./use-record-attendance";
import { ErrorSummary } from "../../ui/error-summary";

export const ATTENDANCE_SECTION_FRAGMENT = graphql(`
  fragment AttendanceSection_referral on Referral {
    id
    canRecordAttendance
    attendance {
      id
      sessionOn
      attended
      note
    }
  }
`);

const t = hostMessages.referral;
const CHOICES = [
  ["yes", t.attended],
  ["no", t.absent],
] as const;
/** The last few sessions are enough to see a pattern; the coordinator sees them all. */
const HISTORY_ROWS = 10;

/** 出欠: the day (today by default), 参加 / 欠席 and a note; then the latest records. */
export function AttendanceSection({
  referral: referralRef,
}: {
  referral: FragmentType<typeof ATTENDANCE_SECTION_FRAGMENT>;
}) {
  const referral = useFragment(ATTENDANCE_SECTION_FRAGMENT, referralRef);
  const [record, { loading }] = useRecordAttendance(referral.id);
  const [sessionOn, setSessionOn] = useState(today);
  const [choice, setChoice] = useState<"yes" | "no" | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);
  const [confirmation, setConfirmation] = useState("");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setConfirmation("");
    if (!choice) {
      setError({
        code: "BAD_USER_INPUT",
        message: t.chooseAttendance,
        fieldErrors: { attended: [t.chooseAttendance] },
        requestId: null,
        extensions: {},
      });
      return;
    }
    try {
      await record({
        variables: { input: { matchId: referral.id, sessionOn, attended: choice === "yes", note: note.trim() } },
      });
      setConfirmation(t.recorded(formatCalendarDate(sessionOn), choice === "yes"));
      setChoice(null);
      setNote("");
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <section className="host-section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t.attendanceHeading}</h2>
      <p role="status">{confirmation}</p>
      {referral.canRecordAttendance && (
        <form className="host-form" onSubmit={(e) => void submit(e)} noValidate>
          {error && <ErrorSummary>{error.message}</ErrorSummary>}
          <Field label={t.attendanceDate} hint={t.sameDayOverwrites} errors={fieldMessages(error, "sessionOn")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="date"
                required
                max={today()}
                value={sessionOn}
                onChange={(e) => setSessionOn(e.target.value)}
              />
            )}
          </Field>
          <RadioGroup
            legend={t.attendance}
            options={CHOICES}
            value={choice}
            onChange={setChoice}
            errors={fieldMessages(error, "attended")}
            className="choice-group--large"
          />
          <Field label={t.attendanceNote} errors={fieldMessages(error, "note")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="text"
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
          <p>
            <button type="submit" className="button button--large" disabled={loading}>
              {loading ? t.recording : t.recordAttendance}
            </button>
          </p>
        </form>
      )}
      <h3>{t.historyHeading}</h3>
      {referral.attendance.length === 0 ? (
        <p>{t.historyNone}</p>
      ) : (
        <ul className="attendance-list" role="list">
          {referral.attendance.slice(0, HISTORY_ROWS).map((row) => (
            <li key={row.id}>
              <time dateTime={row.sessionOn}>{formatCalendarDate(row.sessionOn)}</time>{" "}
              <strong className={row.attended ? "badge badge--open" : "badge badge--full"}>
                {row.attended ? t.attended : t.absent}
              </strong>
              {row.note && (
                <>
                  {" "}
                  <span>{row.note}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
