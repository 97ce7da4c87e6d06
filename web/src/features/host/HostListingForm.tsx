import { useState, type FormEvent } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { ResourceStatus } from "../../gql/graphql";
import { RESOURCE_STATUS_LABELS, errorMessages, hostMessages } from "../../messages";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { ScheduleEditor } from "../schedules/ScheduleEditor";
import { parseOpenings, scheduleFormOf, toScheduleInput } from "../schedules/schedule-form";
import { useSetListingStatus } from "./use-set-listing-status";
import { useUpdateListing } from "./use-update-listing";
import { ErrorSummary } from "../../ui/error-summary";

export const HOST_LISTING_FORM_FRAGMENT = graphql(`
  fragment HostListingForm_resource on Resource {
    id
    version
    status
    openings
    capacity
    scheduleText
    verifiedAt
    schedule {
      rules {
        frequency
        weekdays
        nthWeeks
        dates
        startTime
        endTime
      }
      closedOnHolidays
      closedYearEnd
      closedDates
      note
    }
  }
`);

const t = hostMessages.listing;
const STATUSES = Object.keys(RESOURCE_STATUS_LABELS) as ResourceStatus[];

/** 空き状況, 活動状況 and 日程, saved together with 「保存する」. */
export function HostListingForm({
  resource: resourceRef,
  onSaving,
  onSaved,
}: {
  resource: FragmentType<typeof HOST_LISTING_FORM_FRAGMENT>;
  onSaving: () => void;
  onSaved: () => void;
}) {
  const resource = useFragment(HOST_LISTING_FORM_FRAGMENT, resourceRef);
  const [openings, setOpenings] = useState(resource.openings == null ? "" : String(resource.openings));
  const [status, setStatus] = useState<ResourceStatus>(resource.status);
  const [schedule, setSchedule] = useState(() => scheduleFormOf(resource.schedule));
  const [error, setError] = useState<ParsedError | null>(null);
  const [updateListing, update] = useUpdateListing();
  const [setListingStatus, statusChange] = useSetListingStatus();
  const saving = update.loading || statusChange.loading;

  const step = (delta: number) => {
    const current = parseOpenings(openings);
    const base = current.ok && current.value != null ? current.value : 0;
    setOpenings(String(Math.max(0, base + delta)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    onSaving();
    const parsedOpenings = parseOpenings(openings);
    if (!parsedOpenings.ok) {
      // Checked here too: a non-number would not even reach the server's Int argument as a field error.
      setError({
        code: "BAD_USER_INPUT",
        message: errorMessages.checkInput,
        fieldErrors: { openings: [t.openingsInvalid] },
        requestId: null,
        extensions: {},
      });
      return;
    }
    try {
      await updateListing({
        variables: {
          input: {
            id: resource.id,
            expectedVersion: resource.version,
            openings: parsedOpenings.value,
            schedule: toScheduleInput(schedule),
          },
        },
      });
      setOpenings(parsedOpenings.value == null ? "" : String(parsedOpenings.value));
      if (status !== resource.status) await setListingStatus({ variables: { input: { id: resource.id, status } } });
      onSaved();
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <form className="host-form" onSubmit={(e) => void submit(e)} noValidate>
      {error && <ErrorSummary>{error.message}</ErrorSummary>}
      <section className="host-section" aria-labelledby="listing-edit-heading">
        <h2 id="listing-edit-heading">{t.editHeading}</h2>
        <Field label={t.openings} hint={t.openingsHint} errors={fieldMessages(error, "openings")}>
          {(props) => (
            <div className="stepper">
              <button
                type="button"
                className="button button--secondary stepper__button"
                aria-label={t.openingsDecrease}
                onClick={() => step(-1)}
              >
                {t.decreaseSymbol}
              </button>
              <input
                {...props}
                className="field__control stepper__input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={openings}
                onChange={(e) => setOpenings(e.target.value)}
              />
              <span className="stepper__unit">{t.openingsUnit}</span>
              <button
                type="button"
                className="button button--secondary stepper__button"
                aria-label={t.openingsIncrease}
                onClick={() => step(1)}
              >
                {t.increaseSymbol}
              </button>
              {resource.capacity != null && <span className="stepper__capacity">{t.capacity(resource.capacity)}</span>}
            </div>
          )}
        </Field>
        <Field label={t.status} hint={t.statusHint} errors={fieldMessages(error, "status")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={status}
              onChange={(e) => setStatus(e.target.value as ResourceStatus)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {RESOURCE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <section className="host-section" aria-labelledby="listing-schedule-heading">
        <h2 id="listing-schedule-heading">{t.scheduleHeading}</h2>
        {resource.scheduleText && (
          <p>
            {t.currentSchedule}: <strong>{resource.scheduleText}</strong>
          </p>
        )}
        <ScheduleEditor form={schedule} onChange={setSchedule} error={error} />
      </section>

      <p className="host-form__actions">
        <button type="submit" className="button button--large" disabled={saving}>
          {saving ? t.saving : t.save}
        </button>
      </p>
    </form>
  );
}
