import type { DataSource } from "typeorm";
import { AreaService } from "./areas/area.service.js";
import { AuditService } from "./audit/audit.service.js";
import { CatalogImportService } from "./catalog-import/catalog-import.service.js";
import { AuthService } from "./auth/auth.service.js";
import { OidcService } from "./auth/oidc/oidc.service.js";
import type { OidcSettings } from "./config.js";
import { AccountAdminService } from "./auth/account-admin.service.js";
import { FollowUpService } from "./followups/followup.service.js";
import { ResourceGapService } from "./gaps/resource-gap.service.js";
import { IndicatorService } from "./indicators/indicator.service.js";
import { SearchMissService } from "./gaps/search-miss.service.js";
import { HostRelationsService } from "./host-relations/host-relations.service.js";
import { IntakeService } from "./intake/intake.service.js";
import { MeetingService } from "./meetings/meeting.service.js";
import { MatchService } from "./matching/match.service.js";
import { ReferralService } from "./matching/referral.service.js";
import { SuggestionService } from "./matching/suggestion.service.js";
import { MunicipalSettingsService } from "./settings/municipal-settings.service.js";
import { PersonService } from "./people/person.service.js";
import { PersonRightsService } from "./person-rights/person-rights.service.js";
import { SupportMeetingService } from "./people/support-meeting.service.js";
import { SupportPlanService } from "./people/support-plan.service.js";
import { OutcomeService } from "./reports/outcome.service.js";
import { OrganizationService } from "./organizations/organization.service.js";
import { ResourceService } from "./resources/resource.service.js";
import { VerificationRequestService } from "./resources/verification-request.service.js";
import type { SearchHealth } from "./search/search-health.js";
import type { ResourceSearchIndex } from "./search/search-index.js";
import { SearchService } from "./search/search.service.js";
import { SecretBox } from "./core/secret-box.js";

/**
 * The services a request uses (the context's `services`): one instance of each per app, holding no per-request
 * state. Background work (the search relay, the audit purge) is not here: see background-jobs.ts.
 */
export interface RequestServices {
  auth: AuthService;
  accounts: AccountAdminService;
  areas: AreaService;
  organizations: OrganizationService;
  resources: ResourceService;
  verificationRequests: VerificationRequestService;
  search: SearchService;
  people: PersonService;
  supportPlans: SupportPlanService;
  supportMeetings: SupportMeetingService;
  suggestions: SuggestionService;
  settings: MunicipalSettingsService;
  matches: MatchService;
  referrals: ReferralService;
  followUps: FollowUpService;
  gaps: ResourceGapService;
  searchMisses: SearchMissService;
  outcomes: OutcomeService;
  indicators: IndicatorService;
  audit: AuditService;
  catalogImports: CatalogImportService;
  intakes: IntakeService;
  hostRelations: HostRelationsService;
  meetings: MeetingService;
  oidc: OidcService;
  personRights: PersonRightsService;
}

export interface RequestServiceOptions {
  sessionTtlHours: number;
  sessionIdleMinutes?: number;
  sessionStaySignedInHours?: number;
  /** Shared with the search relay (background-jobs.ts): the index it writes and what it knows of its health. */
  searchIndex: ResourceSearchIndex;
  health: SearchHealth;
  /** Sign-in through the city's identity provider; off when null. */
  oidc?: OidcSettings | null;
  /** Seals the TOTP keys at rest (core/secret-box.ts); without it TOTP cannot be enrolled or checked. */
  secretKey?: Buffer | null;
}

export function createRequestServices(db: DataSource, options: RequestServiceOptions): RequestServices {
  const { searchIndex, health } = options;
  const people = new PersonService(db);
  const settings = new MunicipalSettingsService(db);
  const matches = new MatchService(db, people, settings);
  const auth = new AuthService(db, options.sessionTtlHours, {
    idleMinutes: options.sessionIdleMinutes,
    staySignedInHours: options.sessionStaySignedInHours,
    secrets: options.secretKey ? new SecretBox(options.secretKey) : undefined,
  });
  return {
    auth,
    accounts: new AccountAdminService(db),
    areas: new AreaService(db),
    organizations: new OrganizationService(db),
    resources: new ResourceService(db, MatchService.hasListing),
    verificationRequests: new VerificationRequestService(db),
    search: new SearchService(db, searchIndex, health),
    people,
    supportPlans: new SupportPlanService(db, people),
    supportMeetings: new SupportMeetingService(db),
    suggestions: new SuggestionService(db, searchIndex, health),
    outcomes: new OutcomeService(db),
    indicators: new IndicatorService(db),
    settings,
    matches,
    referrals: new ReferralService(db, matches),
    followUps: new FollowUpService(db, matches),
    gaps: new ResourceGapService(db, people),
    searchMisses: new SearchMissService(db),
    audit: new AuditService(db),
    catalogImports: new CatalogImportService(db),
    intakes: new IntakeService(db, people),
    hostRelations: new HostRelationsService(db, people),
    meetings: new MeetingService(db, people),
    oidc: new OidcService(db, auth, options.oidc ?? null),
    personRights: new PersonRightsService(db, people),
  };
}
