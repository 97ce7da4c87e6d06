import type { DataSource } from "typeorm";
import { AreaService } from "./areas/area.service.js";
import { AuditPurgeJob } from "./audit/audit-purge.job.js";
import { AuditService } from "./audit/audit.service.js";
import { AuthService } from "./auth/auth.service.js";
import type { Logger } from "./core/logger.js";
import { FollowUpService } from "./followups/followup.service.js";
import { ResourceGapService } from "./gaps/resource-gap.service.js";
import { MatchService } from "./matching/match.service.js";
import { ReferralService } from "./matching/referral.service.js";
import { SuggestionService } from "./matching/suggestion.service.js";
import { MunicipalSettingsService } from "./settings/municipal-settings.service.js";
import { PersonService } from "./people/person.service.js";
import { SupportPlanService } from "./people/support-plan.service.js";
import { OutcomeService } from "./reports/outcome.service.js";
import { OrganizationService } from "./organizations/organization.service.js";
import { ResourceService } from "./resources/resource.service.js";
import { SearchHealth } from "./search/search-health.js";
import { ResourceSearchIndex, type MeiliConfig } from "./search/search-index.js";
import { SearchRelay, type RelayOptions } from "./search/search-relay.js";
import { SearchService } from "./search/search.service.js";

/** One instance of each service per app; they hold no per-request state. */
export interface AppServices {
  auth: AuthService;
  areas: AreaService;
  organizations: OrganizationService;
  resources: ResourceService;
  search: SearchService;
  people: PersonService;
  supportPlans: SupportPlanService;
  suggestions: SuggestionService;
  settings: MunicipalSettingsService;
  matches: MatchService;
  referrals: ReferralService;
  followUps: FollowUpService;
  gaps: ResourceGapService;
  outcomes: OutcomeService;
  searchIndex: ResourceSearchIndex;
  /** Created with the app, started by main.ts (tests drain it by hand). */
  searchRelay: SearchRelay;
  audit: AuditService;
  /** Daily retention purge of the audit log; started by main.ts, stopped by app.close(). */
  auditPurge: AuditPurgeJob;
}

export interface ServiceOptions {
  sessionTtlHours: number;
  sessionIdleMinutes?: number;
  databaseUrl: string;
  meili: MeiliConfig;
  logger: Logger;
  relay?: Partial<RelayOptions>;
}

export function createServices(db: DataSource, options: ServiceOptions): AppServices {
  const searchIndex = new ResourceSearchIndex(options.meili);
  const health = new SearchHealth(options.logger);
  const people = new PersonService(db);
  const settings = new MunicipalSettingsService(db);
  const matches = new MatchService(db, people, settings);
  const audit = new AuditService(db);
  return {
    auth: new AuthService(db, options.sessionTtlHours, { idleMinutes: options.sessionIdleMinutes }),
    areas: new AreaService(db),
    organizations: new OrganizationService(db),
    resources: new ResourceService(db, MatchService.hasListing),
    search: new SearchService(db, searchIndex, health),
    people,
    supportPlans: new SupportPlanService(db, people),
    suggestions: new SuggestionService(db, searchIndex, health),
    outcomes: new OutcomeService(db),
    settings,
    matches,
    referrals: new ReferralService(db, matches),
    followUps: new FollowUpService(db, matches),
    gaps: new ResourceGapService(db, people),
    searchIndex,
    searchRelay: new SearchRelay(db, searchIndex, health, options.logger, {
      ...options.relay,
      databaseUrl: options.databaseUrl,
    }),
    audit,
    auditPurge: new AuditPurgeJob(audit, options.logger),
  };
}
