import { useState } from "react";
import { CONSENT_ITEM_FRAGMENT } from "./use-consent-mutations";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { ConsentHistory_PersonFragment, ConsentState } from "../../gql/graphql";
import {
  CONSENT_FACT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_STATE_LABELS,
  formatCalendarDate,
  formatDate,
  peopleMessages,
} from "../../messages";
import { ConsentForm, type HostOption } from "./ConsentForm";
import { WithdrawConsent } from "./WithdrawConsent";

export const CONSENT_HISTORY_FRAGMENT = graphql(`
  fragment ConsentHistory_person on Person {
    id
    displayName
    track
    consents {
      id
      ...ConsentItem_consent
    }
  }
`);

const t = peopleMessages.detail;
const STATE_CLASS: Record<ConsentState, string> = {
  ACTIVE: "badge--open",
  EXPIRED: "badge--full",
  WITHDRAWN: "badge--withdrawn",
};

/**
 * Every consent record, newest first, withdrawn and expired ones included (the state is a word, not only a colour);
 * 同意を記録 below, and 撤回を記録 on each active one.
 */
export function ConsentHistory({
  person: personRef,
  hosts,
  onDone,
}: {
  person: FragmentType<typeof CONSENT_HISTORY_FRAGMENT>;
  hosts: readonly HostOption[];
  onDone: (message: string) => void;
}) {
  const person = useFragment(CONSENT_HISTORY_FRAGMENT, personRef);
  const [adding, setAdding] = useState(false);
  return (
    <>
      {person.consents.length === 0 ? (
        <p className="notice">{person.track === "SUPPORT_MEETING" ? t.consentsSupportMeeting : t.consentsEmpty}</p>
      ) : (
        <ConsentList person={person} onDone={onDone} />
      )}
      <p className="section-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={adding}
          onClick={() => setAdding(!adding)}
        >
          {adding ? t.consentForm.cancel : t.consentForm.open}
        </button>
      </p>
      {adding && (
        <ConsentForm
          personId={person.id}
          hosts={hosts}
          onDone={(message) => {
            setAdding(false);
            onDone(message);
          }}
        />
      )}
    </>
  );
}

function ConsentList({ person, onDone }: { person: ConsentHistory_PersonFragment; onDone: (message: string) => void }) {
  const consents = useFragment(CONSENT_ITEM_FRAGMENT, person.consents);
  return (
    <ol className="record-list" role="list">
      {consents.map((c) => {
        const headingId = `consent-${c.id}`;
        return (
          <li key={c.id}>
            <article className={`record record--${c.state.toLowerCase()}`} aria-labelledby={headingId}>
              <h3 id={headingId} className="record__title">
                {t.consentTitle(CONSENT_PURPOSE_LABELS[c.purpose], formatCalendarDate(c.givenOn))}{" "}
                <span className={`badge ${STATE_CLASS[c.state]}`}>{CONSENT_STATE_LABELS[c.state]}</span>
              </h3>
              <dl className="facts">
                {c.facts.length > 0 && (
                  <div className="fact">
                    <dt>{t.consentFacts}</dt>
                    <dd>{c.facts.map((f) => CONSENT_FACT_LABELS[f]).join("、")}</dd>
                  </div>
                )}
                {(c.purpose === "HOST_REFERRAL" || c.organization) && (
                  <div className="fact">
                    <dt>{t.consentHost}</dt>
                    <dd>{c.organization?.name ?? t.consentAnyHost}</dd>
                  </div>
                )}
                <div className="fact">
                  <dt>{t.consentMethod}</dt>
                  <dd>{CONSENT_METHOD_LABELS[c.method]}</dd>
                </div>
                <div className="fact">
                  <dt>{t.consentExpiresOn}</dt>
                  <dd>{c.expiresOn ? formatCalendarDate(c.expiresOn) : t.consentNoExpiry}</dd>
                </div>
                {c.withdrawnAt && (
                  <div className="fact">
                    <dt>{t.consentWithdrawnAt}</dt>
                    <dd>{formatDate(c.withdrawnAt)}</dd>
                  </div>
                )}
                {c.withdrawalReason && (
                  <div className="fact">
                    <dt>{t.consentWithdrawalReason}</dt>
                    <dd>{c.withdrawalReason}</dd>
                  </div>
                )}
                {c.note && (
                  <div className="fact">
                    <dt>{t.consentNote}</dt>
                    <dd>{c.note}</dd>
                  </div>
                )}
                {c.recordedBy && (
                  <div className="fact">
                    <dt>{t.consentRecordedBy}</dt>
                    <dd>{c.recordedBy.displayName}</dd>
                  </div>
                )}
              </dl>
              {c.state === "ACTIVE" && (
                <WithdrawConsent
                  consentId={c.id}
                  personId={person.id}
                  personName={person.displayName}
                  lastActive={consents.filter((other) => other.state === "ACTIVE").length === 1}
                  onDone={onDone}
                />
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
