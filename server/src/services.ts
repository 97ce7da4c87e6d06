import type { DataSource } from "typeorm";
import { AreaService } from "./areas/area.service.js";
import { AuthService } from "./auth/auth.service.js";
import type { Logger } from "./core/logger.js";
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
  searchIndex: ResourceSearchIndex;
  /** Created with the app, started by main.ts (tests drain it by hand). */
  searchRelay: SearchRelay;
}

export interface ServiceOptions {
  sessionTtlHours: number;
  databaseUrl: string;
  meili: MeiliConfig;
  logger: Logger;
  relay?: Partial<RelayOptions>;
}

export function createServices(db: DataSource, options: ServiceOptions): AppServices {
  const searchIndex = new ResourceSearchIndex(options.meili);
  const health = new SearchHealth(options.logger);
  return {
    auth: new AuthService(db, options.sessionTtlHours),
    areas: new AreaService(db),
    organizations: new OrganizationService(db),
    resources: new ResourceService(db),
    search: new SearchService(db, searchIndex, health),
    searchIndex,
    searchRelay: new SearchRelay(db, searchIndex, health, options.logger, { ...options.relay, databaseUrl: options.databaseUrl }),
  };
}
