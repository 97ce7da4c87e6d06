import type { DataSource } from "typeorm";
import { isUuid } from "../core/validators.js";
import { OrganizationService } from "../organizations/organization.service.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceService } from "../resources/resource.service.js";
import { SearchResourcesInput } from "../search/search.inputs.js";
import type { SearchService } from "../search/search.service.js";
import { serviceAtLocationIdOf, toHsdsOrganization, toHsdsService, toHsdsServiceAtLocation } from "./hsds-mapper.js";
import { TaxonomyKey, codeOfTerm, hsdsTaxonomies, hsdsTaxonomyTerms, taxonomyId } from "./hsds-taxonomy.js";
import type {
  HsdsOrganization,
  HsdsPage,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
} from "./hsds.types.js";

/** Query parameters of the HSDS API (schema/openapi.json), read and bounded. */
export interface HsdsQuery {
  search?: string | null;
  page: number;
  perPage: number;
  organizationId?: string | null;
  taxonomyTermId?: string | null;
  taxonomyId?: string | null;
  modifiedAfter?: Date | null;
  full?: boolean;
}

/** The list shapes of the openapi (service_list.json, organization_list.json): the record without its arrays. */
const withoutArrays = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => !Array.isArray(v))) as T;

function pageOf<T>(contents: T[], total: number, q: { page: number; perPage: number }): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / q.perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: total === 0,
    contents,
  };
}

/**
 * The directory as HSDS 3.0 (read-only, public like the directory): listings are services, their hosts
 * organizations, their venues locations. Listings are read through the search (the same filters as the directory)
 * and the resources and organizations services.
 */
export class HsdsDirectoryService {
  constructor(
    private readonly db: DataSource,
    private readonly search: SearchService,
  ) {}

  /** The search input a query stands for, or null when it names a term tsunagu does not publish (no match). */
  private inputOf(q: Pick<HsdsQuery, "search" | "taxonomyTermId" | "taxonomyId">): SearchResourcesInput | null {
    const input = Object.assign(new SearchResourcesInput(), { text: q.search ?? null });
    if (q.taxonomyId && !Object.values(TaxonomyKey).some((k) => taxonomyId(k) === q.taxonomyId)) return null;
    if (q.taxonomyTermId) {
      const term = codeOfTerm(q.taxonomyTermId);
      if (!term) return null;
      const filters: Partial<Record<TaxonomyKey, keyof SearchResourcesInput>> = {
        [TaxonomyKey.KIND]: "kinds",
        [TaxonomyKey.TARGET_GROUP]: "targetGroups",
        [TaxonomyKey.ACCESSIBILITY]: "accessibility",
        [TaxonomyKey.TRANSPORT]: "transport",
        [TaxonomyKey.PARTICIPATION]: "rolesOffered",
      };
      const field = filters[term.key];
      if (!field) return null;
      Object.assign(input, { [field]: [term.code] });
    }
    return input;
  }

  /** Listings with their hosts, in the order of `ids`. */
  private async resources(ids: string[]): Promise<Resource[]> {
    const rows = await ResourceService.byIds(this.db.manager, ids, { withHost: true });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async matching(q: HsdsQuery): Promise<{ total: number; rows: Resource[] }> {
    const input = this.inputOf(q);
    if (!input || (q.organizationId && !isUuid(q.organizationId))) return { total: 0, rows: [] };
    const scope = {
      anyStatus: true,
      ...(q.organizationId ? { organizationIds: [q.organizationId] } : {}),
      ...(q.modifiedAfter ? { modifiedAfter: q.modifiedAfter } : {}),
    };
    const { total, ids } = await this.search.matchingIdPage(input, scope, (q.page - 1) * q.perPage, q.perPage);
    return { total, rows: await this.resources(ids) };
  }

  async services(q: HsdsQuery): Promise<HsdsPage<HsdsService>> {
    const { total, rows } = await this.matching(q);
    const contents = rows.map((r) => (q.full ? toHsdsService(r, r.organization) : withoutArrays(toHsdsService(r))));
    return pageOf(contents, total, q);
  }

  async service(id: string): Promise<HsdsService | null> {
    if (!isUuid(id)) return null;
    const [r] = await this.resources([id]);
    return r ? toHsdsService(r, r.organization) : null;
  }

  async serviceAtLocations(q: HsdsQuery): Promise<HsdsPage<HsdsServiceAtLocation>> {
    // A listing without a place has no service_at_location: paging counts listings, so a page may hold fewer.
    const { total, rows } = await this.matching(q);
    const contents = rows.flatMap((r) => {
      const at = toHsdsServiceAtLocation(r);
      if (!at) return [];
      return [q.full ? at : { id: at.id, service_id: at.service_id, location_id: at.location_id }];
    });
    return pageOf(contents, total, q);
  }

  /** One service_at_location, fully nested (its location and its service), or null. */
  async serviceAtLocation(id: string): Promise<HsdsServiceAtLocation | null> {
    if (!isUuid(id)) return null;
    const resourceId = await this.listingOfServiceAtLocation(id);
    if (!resourceId) return null;
    const [r] = await this.resources([resourceId]);
    const at = r ? toHsdsServiceAtLocation(r) : null;
    return at ? { ...at, service: withoutArrays(toHsdsService(r, r.organization)) } : null;
  }

  /**
   * service_at_location ids are name-based (hsds-ids.ts: made from the listing's id), so one is found by making the
   * ids again: a map of every listing's, rebuilt on a miss at most every ten seconds (a public route must not hash
   * the whole catalog on each unknown id).
   */
  private links: { byId: Map<string, string>; builtAt: number } | undefined;
  private async listingOfServiceAtLocation(id: string): Promise<string | null> {
    const hit = this.links?.byId.get(id);
    if (hit || (this.links && Date.now() - this.links.builtAt < 10_000)) return hit ?? null;
    const rows: { id: string }[] = await this.db.query("SELECT id FROM resource");
    this.links = { byId: new Map(rows.map((r) => [serviceAtLocationIdOf(r.id), r.id])), builtAt: Date.now() };
    return this.links.byId.get(id) ?? null;
  }

  async organizations(q: HsdsQuery & { fullService?: boolean }): Promise<HsdsPage<HsdsOrganization>> {
    const { total, rows } = await OrganizationService.page(
      this.db.manager,
      q.search ?? null,
      (q.page - 1) * q.perPage,
      q.perPage,
    );
    const contents = await Promise.all(
      rows.map(async (o) =>
        q.full || q.fullService
          ? this.organizationWithServices(o.id, !!q.fullService)
          : withoutArrays(toHsdsOrganization(o)),
      ),
    );
    return pageOf(
      contents.filter((o): o is HsdsOrganization => o !== null),
      total,
      q,
    );
  }

  async organization(id: string, fullService = false): Promise<HsdsOrganization | null> {
    return isUuid(id) ? this.organizationWithServices(id, fullService) : null;
  }

  private async organizationWithServices(id: string, fullService: boolean): Promise<HsdsOrganization | null> {
    const [o] = await OrganizationService.byIds(this.db.manager, [id]);
    if (!o) return null;
    const services: HsdsService[] = [];
    const input = new SearchResourcesInput();
    for await (const ids of this.search.matchingIdBatches(input, { organizationIds: [id], anyStatus: true })) {
      for (const r of await this.resources(ids))
        services.push(fullService ? toHsdsService(r) : withoutArrays(toHsdsService(r)));
    }
    return { ...toHsdsOrganization(o), services };
  }

  taxonomies(q: Pick<HsdsQuery, "search" | "page" | "perPage">): HsdsPage<HsdsTaxonomy> {
    const all = hsdsTaxonomies().filter(
      (t) => !q.search || t.name.includes(q.search) || t.description.includes(q.search),
    );
    return pageOf(all.slice((q.page - 1) * q.perPage, q.page * q.perPage), all.length, q);
  }

  taxonomy(id: string): HsdsTaxonomy | null {
    return hsdsTaxonomies().find((t) => t.id === id) ?? null;
  }

  taxonomyTerms(q: Pick<HsdsQuery, "search" | "page" | "perPage" | "taxonomyId">): HsdsPage<HsdsTaxonomyTerm> {
    const all = hsdsTaxonomyTerms().filter(
      (t) =>
        (!q.taxonomyId || t.taxonomy_id === q.taxonomyId) &&
        (!q.search || t.name.includes(q.search) || t.code.includes(q.search)),
    );
    return pageOf(all.slice((q.page - 1) * q.perPage, q.page * q.perPage), all.length, q);
  }

  taxonomyTerm(id: string): HsdsTaxonomyTerm | null {
    return hsdsTaxonomyTerms().find((t) => t.id === id) ?? null;
  }

  /** Every listing matching the search (all statuses), in batches: the tabular package. */
  async *allServices(
    input: SearchResourcesInput = new SearchResourcesInput(),
  ): AsyncGenerator<{ resources: Resource[] }> {
    for await (const ids of this.search.matchingIdBatches(input, { anyStatus: true }))
      yield { resources: await this.resources(ids) };
  }

  /** Every organization, in pages. */
  async *allOrganizations() {
    for (let offset = 0; ; offset += 1_000) {
      const { rows } = await OrganizationService.page(this.db.manager, null, offset, 1_000);
      if (!rows.length) return;
      yield rows;
    }
  }
}
