/**
 * The HSDS 3.0 objects tsunagu emits and reads (the fields it uses; HSDS allows more). Names are the standard's, so
 * they are snake_case. Optional fields are left out rather than sent as null: HSDS's JSON schemas type most fields
 * as plain strings or numbers, which null would not satisfy.
 */

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  taxonomy_detail?: HsdsTaxonomy;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  timezone?: number;
  count?: number;
  wkst?: string;
  freq?: "WEEKLY" | "MONTHLY";
  interval?: number;
  byday?: string;
  bymonthday?: string;
  description?: string;
  opens_at?: string;
  closes_at?: string;
  notes?: string;
}

export interface HsdsPhone {
  id: string;
  number: string;
  service_id?: string;
  organization_id?: string;
  location_id?: string;
  contact_id?: string;
  service_at_location_id?: string;
  type?: string;
  description?: string;
}

export interface HsdsContact {
  id: string;
  service_id?: string;
  organization_id?: string;
  name?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  address_2?: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: "physical" | "postal" | "virtual";
}

export interface HsdsAccessibility {
  id: string;
  location_id: string;
  description?: string;
  details?: string;
}

export interface HsdsLocation {
  id: string;
  location_type: "physical" | "postal" | "virtual";
  organization_id?: string;
  name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
  accessibility?: HsdsAccessibility[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  attributes?: HsdsAttribute[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  location?: HsdsLocation;
  /** Only in the one-record answer (/service_at_locations/{id}). */
  service?: HsdsService;
}

export interface HsdsCostOption {
  id: string;
  service_id: string;
  option?: string;
  currency?: string;
  amount?: number;
  amount_description?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name?: string;
  description?: string;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
  services?: HsdsService[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  email?: string;
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  cost_options?: HsdsCostOption[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
  organization?: HsdsOrganization;
}

/** The openapi's `Page`, with `contents`. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
