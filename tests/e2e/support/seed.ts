import type { Gql } from "./api";
import { todayInJapan } from "./api";

/** Seeding through the API for the journeys (browser tests seed their data through the API, not through the UI). */

export interface Named {
  id: string;
  name: string;
}

export async function areaNamed(gql: Gql, name: string): Promise<Named> {
  const { areas } = await gql<{ areas: Named[] }>(`{ areas { id name } }`);
  const area = areas.find((a) => a.name === name);
  if (!area) throw new Error(`no area 「${name}」 in the demo city (have: ${areas.map((a) => a.name).join("、")})`);
  return area;
}

export async function organizationNamed(gql: Gql, name: string): Promise<Named> {
  const res = await gql<{ organizations: { edges: { node: Named }[] } }>(
    `query($text: String) { organizations(first: 5, text: $text) { edges { node { id name } } } }`,
    { text: name },
  );
  const org = res.organizations.edges.map((e) => e.node).find((o) => o.name === name);
  if (!org) throw new Error(`no organization 「${name}」 in the demo city`);
  return org;
}

export async function listingsOf(
  gql: Gql,
  organizationId: string,
): Promise<(Named & { openings: number | null; version: number })[]> {
  const res = await gql<{ resources: { edges: { node: Named & { openings: number | null; version: number } }[] } }>(
    `query($org: ID!) { resources(first: 20, organizationId: $org, statuses: [ACTIVE]) { edges { node { id name openings version } } } }`,
    { org: organizationId },
  );
  return res.resources.edges.map((e) => e.node);
}

export async function createOrganization(gql: Gql, name: string): Promise<Named> {
  const res = await gql<{ createOrganization: { organization: Named } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } } }`,
    {
      input: {
        name,
        orgType: "RESIDENT_GROUP",
        cityRelationship: "SUBSIDIZED",
        contactName: "試験 太郎",
        contactPhone: "0120-000-000",
      },
    },
  );
  return res.createOrganization.organization;
}

export async function createResource(gql: Gql, input: Record<string, unknown>): Promise<Named> {
  const res = await gql<{ createResource: { resource: Named } }>(
    `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id name } } }`,
    { input },
  );
  return res.createResource.resource;
}

/** Meilisearch is asynchronous: wait until the relay has indexed the new listing before searching for it. */
export async function waitUntilSearchable(gql: Gql, resource: Named): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await gql<{ searchResources: { edges: { node: { id: string } }[] } }>(
      `query($text: String) { searchResources(first: 5, input: { text: $text }) { edges { node { id } } } }`,
      { text: resource.name },
    );
    if (res.searchResources.edges.some((e) => e.node.id === resource.id)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`「${resource.name}」 did not reach the search index within 20 s`);
}

export async function createPerson(
  gql: Gql,
  input: Record<string, unknown>,
): Promise<{ id: string; displayName: string }> {
  const res = await gql<{ createPerson: { person: { id: string; displayName: string } } }>(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id displayName } } }`,
    { input },
  );
  return res.createPerson.person;
}

export async function agreeSupportPlan(gql: Gql, personId: string, goals: string[]): Promise<void> {
  await gql(`mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`, {
    input: { personId, planVersion: "NEW", goals, agreedOn: todayInJapan(), status: "AGREED" },
  });
}

/** A match (候補) moved through `stages` in order, as the coordinator would on the board. */
export async function createMatchThrough(
  gql: Gql,
  personId: string,
  resourceId: string,
  stages: string[],
): Promise<string> {
  const created = await gql<{ createMatch: { match: { id: string; version: number } } }>(
    `mutation($input: CreateMatchInput!) { createMatch(input: $input) { match { id version } } }`,
    { input: { personId, resourceId, rationale: "試験のための紹介" } },
  );
  let { id, version } = created.createMatch.match;
  for (const to of stages) {
    const moved = await gql<{ transitionMatch: { match: { id: string; version: number } } }>(
      `mutation($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { id version } } }`,
      { input: { matchId: id, to, expectedVersion: version } },
    );
    ({ id, version } = moved.transitionMatch.match);
  }
  return id;
}

export async function matchingCount(gql: Gql, fiscalYear: number): Promise<number> {
  const res = await gql<{ outcomeSummary: { matchingCount: number } }>(
    `query($fy: Int!) { outcomeSummary(fiscalYear: $fy) { matchingCount } }`,
    { fy: fiscalYear },
  );
  return res.outcomeSummary.matchingCount;
}
