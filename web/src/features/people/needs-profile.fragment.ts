import { graphql } from "../../gql";

/** The needs profile as a person's page shows it and as the edit form loads it: one list of fields for both. */
export const NEEDS_PROFILE_FRAGMENT = graphql(`
  fragment NeedsProfile_needs on NeedsProfile {
    wantedActivities
    wantedKinds
    targetGroups
    weekdays
    timeBands
    mobility
    maxTravelMeters
    groupSize
    roles
    accessibility
    freeOnly
    wishes
    strengths
    otherPreferences
  }
`);
