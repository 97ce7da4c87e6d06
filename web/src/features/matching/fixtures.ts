// Test data only (imported by *.test.tsx, never by the app): matches as the API returns them, __typename included
// because the cache adds it to every selection.
import type { MatchStage } from "../../gql/graphql";
import { MATCH_STAGE_LABELS } from "../../messages";
import { addDays, today } from "@tsunagu/calendar";

export interface MoveFixture {
  to: MatchStage;
  reasonRequired?: boolean;
  outcomeRequired?: boolean;
  hostConsentRequired?: boolean;
}

export interface ConsentFixture {
  __typename: "Consent";
  id: string;
  purpose: "HOST_REFERRAL" | "SUPPORT_PLAN" | "INFORMATION_SHARING";
  givenOn: string;
  expiresOn: string | null;
  withdrawnAt: string | null;
  organization: { __typename: "Organization"; id: string } | null;
}

/** A consent as a match card reads it: by default a referral consent for any host, given a month ago, in force. */
export function consentFixture(
  id: string,
  over: Partial<Omit<ConsentFixture, "organization">> & { organizationId?: string } = {},
): ConsentFixture {
  const { organizationId, ...rest } = over;
  return {
    __typename: "Consent",
    id,
    purpose: "HOST_REFERRAL",
    givenOn: daysFromToday(-30),
    expiresOn: null,
    withdrawnAt: null,
    organization: organizationId ? { __typename: "Organization", id: organizationId } : null,
    ...rest,
  };
}

export const daysFromToday = (days: number) => addDays(today(), days);

export function matchFixture({
  id,
  stage,
  person = "青木 昭",
  personId = "p-1",
  resource = "ひだまりサロン",
  resourceId = `r-${id}`,
  version = 1,
  enteredDaysAgo = 3,
  firstStartedOn = null,
  dues = [],
  moves = [],
  consents = [],
}: {
  id: string;
  stage: MatchStage;
  person?: string;
  personId?: string;
  resource?: string;
  resourceId?: string;
  version?: number;
  enteredDaysAgo?: number;
  firstStartedOn?: string | null;
  dues?: { id: string; dueOn: string; status?: string }[];
  moves?: MoveFixture[];
  /** The person's consents as the card reads them (see consentFixture); a page's fuller consent records do too. */
  consents?: readonly object[];
}) {
  return {
    __typename: "Match",
    id,
    stage,
    stageLabel: MATCH_STAGE_LABELS[stage],
    version,
    firstStartedOn,
    person: { __typename: "Person", id: personId, displayName: person, consents },
    resource: { __typename: "Resource", id: resourceId, name: resource },
    organization: { __typename: "Organization", id: "o-1", name: "社会福祉法人 若葉会" },
    coordinator: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
    history: [
      { __typename: "MatchTransition", id: `h-${id}`, toStage: stage, effectiveOn: daysFromToday(-enteredDaysAgo) },
    ],
    followUpDues: dues.map((d) => ({ __typename: "FollowUpDue", status: "PLANNED", ...d })),
    allowedTransitions: moves.map((m) => ({
      __typename: "AllowedTransition",
      to: m.to,
      label: MATCH_STAGE_LABELS[m.to],
      reasonRequired: m.reasonRequired ?? false,
      outcomeRequired: m.outcomeRequired ?? false,
      hostConsentRequired: m.hostConsentRequired ?? false,
    })),
  };
}

export type MatchFixture = ReturnType<typeof matchFixture>;
