import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { catalogMessages, errorMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { ScheduleEditor } from "../schedules/ScheduleEditor";
import { useAreas } from "../resources/use-areas";
import {
  AccessFields,
  BasicsFields,
  CapacityFields,
  ContactFields,
  ParticipationFields,
  PlaceFields,
  Section,
  WhoFields,
} from "./ListingFields";
import { OrganizationPicker } from "./OrganizationPicker";
import {
  emptyListingForm,
  listingFormOf,
  toListingInput,
  type FieldErrorMap,
  type ListingFormState,
} from "./listing-form";
import { useCreateListing, useSaveListing } from "./use-listing-mutations";

export const LISTING_FORM_FRAGMENT = graphql(`
  fragment ListingForm_resource on Resource {
    id
    version
    name
    nameKana
    kind
    status
    organization {
      id
      name
    }
    description
    targetGroups
    eligibility {
      ageMin
      ageMax
      certificateRequired
      residenceRequired
      requiresSupportPlan
      referredCasesOnly
    }
    rolesOffered
    activities
    venueName
    address
    lat
    lng
    areas {
      id
    }
    citywide
    homeBased
    visiting
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
    capacity
    openings
    costPerSessionYen
    accessibility
    nearestStop
    transportOptions
    visitAllowed
    trialAllowed
    contactName
    contactPhone
    contactPhone2
    contactEmail
  }
`);

const t = catalogMessages;
type Failure = ParsedError | { code: "CHECK"; message: string };

/**
 * Every field group of a listing, for coordinators and administrators: 登録 when `resource` is absent, otherwise 編集
 * (sent with the version it was loaded at, so a concurrent edit is a CONFLICT, not a silent overwrite).
 */
export function ListingForm({
  resource: resourceRef,
  onSaved,
  onReload,
}: {
  resource?: FragmentType<typeof LISTING_FORM_FRAGMENT>;
  onSaved: (id: string) => void;
  onReload?: () => void;
}) {
  const resource = useFragment(LISTING_FORM_FRAGMENT, resourceRef);
  const [form, setForm] = useState<ListingFormState>(() => (resource ? listingFormOf(resource) : emptyListingForm()));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const { areas } = useAreas();
  const [create, creating] = useCreateListing();
  const [save, saving] = useSaveListing();
  const busy = creating.loading || saving.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = toListingInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure({ code: "CHECK", message: errorMessages.checkInput });
      return;
    }
    setErrors({});
    try {
      if (resource) {
        await save(resource, checked.input);
        onSaved(resource.id);
      } else {
        const result = await create({ variables: { input: checked.input } });
        onSaved(result.data!.createResource.resource.id);
      }
    } catch (e) {
      const parsed = parseGraphQLError(e);
      setErrors(parsed.fieldErrors);
      setFailure(parsed);
    }
  };

  const props = { form, onChange: setForm, errors };
  const conflict = failure?.code === "CONFLICT";
  return (
    <form className="form listing-form" onSubmit={(e) => void submit(e)} noValidate>
      {failure && (
        <ErrorSummary>
          <p>{conflict ? t.conflict : failure.message}</p>
          {conflict && onReload && (
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t.reload}
            </button>
          )}
        </ErrorSummary>
      )}
      <Section id="listing-basics" title={t.sections.basics}>
        <BasicsFields {...props} />
        <OrganizationPicker
          value={form.organizationId}
          current={resource?.organization}
          disabled={!!resource}
          onChange={(organizationId) => setForm({ ...form, organizationId })}
          errors={errors.organizationId ?? []}
        />
      </Section>
      <Section id="listing-who" title={t.sections.who}>
        <WhoFields {...props} />
      </Section>
      <Section id="listing-participation" title={t.sections.participation}>
        <ParticipationFields {...props} />
      </Section>
      <Section id="listing-place" title={t.sections.place}>
        <PlaceFields {...props} areas={areas} />
      </Section>
      <Section id="listing-schedule" title={t.sections.schedule}>
        <ScheduleEditor
          form={form.schedule}
          onChange={(schedule) => setForm({ ...form, schedule })}
          error={failure && "fieldErrors" in failure ? failure : null}
        />
      </Section>
      <Section id="listing-capacity" title={t.sections.capacity}>
        <CapacityFields {...props} />
      </Section>
      <Section id="listing-access" title={t.sections.access}>
        <AccessFields {...props} />
      </Section>
      <Section id="listing-contact" title={t.sections.contact}>
        <ContactFields {...props} />
      </Section>
      <div className="form__actions">
        <button type="submit" className="button button--large" disabled={busy}>
          {resource ? (busy ? t.saving : t.save) : busy ? t.creating : t.create}
        </button>
        <Link to={resource ? `/resources/${resource.id}` : "/catalog"}>
          {resource ? t.backToListing : t.backToCatalog}
        </Link>
      </div>
    </form>
  );
}
