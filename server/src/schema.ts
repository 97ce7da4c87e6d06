import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AreaResolver } from "./areas/area.resolver.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { withAuditTrail } from "./audit/audit.trail.js";
import { CatalogImportResolver, ResourceSourceResolver } from "./catalog-import/catalog-import.resolver.js";
import { AuthResolver } from "./auth/auth.resolver.js";
import { AccountResolver } from "./auth/account.resolver.js";
import { OidcResolver } from "./auth/oidc/oidc.resolver.js";
import { authChecker, denyUndeclaredRootFields, refuseDuringAccountSetup } from "./core/access.js";
import { validateArgument } from "./core/validation.js";
import { OrganizationResolver } from "./organizations/organization.resolver.js";
import { FollowUpResolver } from "./followups/followup.resolver.js";
import { ResourceGapResolver } from "./gaps/resource-gap.resolver.js";
import { SearchMissResolver } from "./gaps/search-miss.resolver.js";
import { CooperationRequestResolver, HostSupportResolver } from "./host-relations/host-relations.resolver.js";
import { ConsultationIntakeResolver } from "./intake/intake.resolver.js";
import { MeetingRecordResolver } from "./meetings/meeting.resolver.js";
import { MatchResolver, MatchTransitionResolver, PersonMatchesResolver } from "./matching/match.resolver.js";
import { ReferralPersonResolver, ReferralResolver } from "./matching/referral.resolver.js";
import { SuggestionResolver } from "./matching/suggestion.resolver.js";
import {
  IndicatorResolver,
  IndicatorTargetResolver,
  IndicatorValueChangeResolver,
  ReportNarrativeResolver,
} from "./indicators/indicator.resolver.js";
import { OutcomeResolver } from "./reports/outcome.resolver.js";
import { MunicipalSettingsResolver } from "./settings/municipal-settings.resolver.js";
import { ConsentResolver, PersonResolver, SupportPlanResolver } from "./people/person.resolver.js";
import { SupportMeetingResolver } from "./people/support-meeting.resolver.js";
import { PersonRightsResolver } from "./person-rights/person-rights.resolver.js";
import { ResourceResolver } from "./resources/resource.resolver.js";
import {
  ResourceChangeResolver,
  ResourceUpkeepResolver,
  VerificationRequestResolver,
} from "./resources/verification-request.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";

export const RESOLVERS = [
  AuthResolver,
  OidcResolver,
  AccountResolver,
  AreaResolver,
  OrganizationResolver,
  ResourceResolver,
  ResourceUpkeepResolver,
  VerificationRequestResolver,
  ResourceChangeResolver,
  SearchResolver,
  PersonResolver,
  ConsentResolver,
  SupportPlanResolver,
  SupportMeetingResolver,
  MatchResolver,
  MatchTransitionResolver,
  PersonMatchesResolver,
  ReferralResolver,
  ReferralPersonResolver,
  FollowUpResolver,
  ResourceGapResolver,
  SearchMissResolver,
  MunicipalSettingsResolver,
  SuggestionResolver,
  OutcomeResolver,
  IndicatorResolver,
  IndicatorTargetResolver,
  IndicatorValueChangeResolver,
  ReportNarrativeResolver,
  AuditResolver,
  CatalogImportResolver,
  ResourceSourceResolver,
  ConsultationIntakeResolver,
  CooperationRequestResolver,
  HostSupportResolver,
  MeetingRecordResolver,
  PersonRightsResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global, and building is the slow part of a test file. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: "error",
    validateFn: validateArgument,
    emitSchemaFile: false,
  })
    .then(denyUndeclaredRootFields)
    .then(refuseDuringAccountSetup)
    .then(withAuditTrail); // reads, writes and refusals to the audit log (audit/audit.trail.ts)
  return built;
}
