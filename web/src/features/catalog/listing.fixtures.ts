// Component tests only: a listing as ListingForm_resource reads it, and the lists the form loads.
import type { MockLink } from "@apollo/client/testing";
import { AreaListDocument, OrganizationChoicesDocument } from "../../gql/graphql";

export const areas: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: {
    data: {
      areas: [
        { __typename: "Area", id: "a-1", name: "みどり野北エリア", type: "WELFARE_AREA" },
        { __typename: "Area", id: "a-2", name: "みどり野南エリア", type: "WELFARE_AREA" },
      ],
    },
  },
  delay: 0,
};
export const organizations: MockLink.MockedResponse = {
  request: { query: OrganizationChoicesDocument, variables: { text: null, first: 100 } },
  result: {
    data: {
      organizations: {
        __typename: "OrganizationConnection",
        edges: [
          { __typename: "OrganizationEdge", node: { __typename: "Organization", id: "o-1", name: "若葉会" } },
          { __typename: "OrganizationEdge", node: { __typename: "Organization", id: "o-2", name: "みどり野社協" } },
        ],
      },
    },
  },
  delay: 0,
};
export const listing = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: "Resource",
  id,
  version: 1,
  name: "サロン ひだまり",
  nameKana: "さろん ひだまり",
  kind: "SALON",
  status: "ACTIVE",
  organization: { __typename: "Organization", id: "o-2", name: "みどり野社協" },
  description: "",
  targetGroups: [],
  eligibility: {
    __typename: "Eligibility",
    ageMin: null,
    ageMax: null,
    certificateRequired: false,
    residenceRequired: false,
    requiresSupportPlan: false,
    referredCasesOnly: false,
  },
  rolesOffered: [],
  activities: [],
  venueName: null,
  address: null,
  lat: null,
  lng: null,
  areas: [{ __typename: "Area", id: "a-2" }],
  citywide: false,
  homeBased: false,
  visiting: false,
  schedule: {
    __typename: "Schedule",
    rules: [],
    closedOnHolidays: false,
    closedYearEnd: false,
    closedDates: [],
    note: null,
  },
  capacity: null,
  openings: null,
  costPerSessionYen: 0,
  accessibility: [],
  nearestStop: null,
  transportOptions: [],
  visitAllowed: false,
  trialAllowed: false,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  ...over,
});
