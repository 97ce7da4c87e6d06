/**
 * The heaviest operations the product makes, kept as the yardstick for the limits in graphql-limits.ts (the limits
 * test runs each of them for real and checks the headroom). Add a screen's query here when it is heavier.
 */
const RESOURCE_CARD = /* GraphQL */ `
  fragment ResourceCardHeavy on Resource {
    id
    name
    nameKana
    kind
    status
    description
    citywide
    homeBased
    visiting
    trialAllowed
    visitAllowed
    costPerSessionYen
    capacity
    openings
    address
    venueName
    nearestStop
    lat
    lng
    contactName
    contactPhone
    contactEmail
    verifiedAt
    updatedAt
    version
    accessibility
    activities
    rolesOffered
    targetGroups
    transportOptions
    scheduleText
    organization {
      id
      name
      nameKana
      orgType
    }
    areas {
      id
      name
      type
    }
    eligibility {
      ageMin
      ageMax
      certificateRequired
      residenceRequired
      requiresSupportPlan
      referredCasesOnly
    }
    schedule {
      closedOnHolidays
      closedYearEnd
      closedDates
      note
      rules {
        frequency
        weekdays
        nthWeeks
        dates
        startTime
        endTime
      }
    }
    nextSessions(count: 3) {
      date
      weekday
      startTime
      endTime
      label
      startsAt
      endsAt
    }
    viewerCan {
      update
      verify
      setStatus
    }
  }
`;

export const HEAVY_SEARCH = /* GraphQL */ `
  query HeavySearch($input: SearchResourcesInput!, $first: Int!) {
    searchResources(input: $input, first: $first) {
      totalCount
      degraded
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        distanceMeters
        highlight {
          name {
            text
            match
          }
          description {
            text
            match
          }
        }
        nextSession {
          date
          startTime
          endTime
          label
        }
        node {
          ...ResourceCardHeavy
        }
      }
      facets {
        kinds {
          value
          count
        }
        areas {
          value
          count
        }
        targetGroups {
          value
          count
        }
        weekdays {
          value
          count
        }
        timeBands {
          value
          count
        }
        accessibility {
          value
          count
        }
        rolesOffered {
          value
          count
        }
        transport {
          value
          count
        }
        free {
          value
          count
        }
        trialAllowed {
          value
          count
        }
        visitAllowed {
          value
          count
        }
      }
    }
  }
  ${RESOURCE_CARD}
`;

export const HEAVY_PERSON = /* GraphQL */ `
  query HeavyPerson($id: ID!) {
    person(id: $id) {
      id
      displayName
      nameKana
      birthYear
      ageBand
      registeredOn
      track
      participationLevel
      contactPreference
      contactNote
      householdNote
      householdIssues
      homeLat
      homeLng
      createdAt
      updatedAt
      version
      area {
        id
        name
      }
      coordinator {
        id
        displayName
      }
      needs {
        wantedActivities
        wantedKinds
        weekdays
        timeBands
        targetGroups
        roles
        accessibility
        mobility
        groupSize
        freeOnly
        maxTravelMeters
        wishes
        strengths
        otherPreferences
      }
      viewerCan {
        update
      }
      consents {
        id
        purpose
        facts
        method
        givenOn
        expiresOn
        note
        state
        withdrawnAt
        withdrawalReason
        createdAt
        organization {
          id
          name
        }
        recordedBy {
          id
          displayName
        }
      }
      supportPlans {
        id
        planVersion
        status
        goals
        agreedOn
        reviewOn
        version
        createdAt
        updatedAt
      }
      matches {
        id
        stage
        stageLabel
        heldFrom
        rationale
        score
        startedOn
        firstStartedOn
        closedOn
        reopenCount
        hostResponse
        hostResponseReason
        hostRespondedAt
        version
        createdAt
        updatedAt
        resource {
          id
          name
          kind
          organization {
            id
            name
          }
        }
        organization {
          id
          name
        }
        coordinator {
          id
          displayName
        }
        allowedTransitions {
          to
          label
          reasonRequired
          outcomeRequired
          hostConsentRequired
        }
        history {
          id
          fromStage
          toStage
          reason
          effectiveOn
          createdAt
          actor {
            id
            displayName
          }
        }
        followUps {
          id
          contactedOn
          method
          counterparts
          sessionsAttended
          sessionsPlanned
          participationLevel
          changeObserved
          changeType
          changeCategories
          narrative
          relationshipStability
          hostFeedback
          hostGuidance
          nextDueOn
          isOutcomeEvaluation
          createdAt
          recordedBy {
            id
            displayName
          }
        }
        followUpDues {
          id
          kind
          dueOn
          status
          doneOn
          createdAt
        }
        attendance {
          id
          sessionOn
          attended
          note
          createdAt
        }
      }
    }
  }
`;

export const HEAVY_REFERRALS = /* GraphQL */ `
  query HeavyReferrals {
    myReferrals {
      id
      stage
      referredOn
      startedOn
      hostResponse
      hostResponseReason
      version
      sharedFacts
      consentActive
      canRespond
      canRecordAttendance
      person {
        displayName
        ageBand
        contactPreference
        contactNote
        wantedActivities
        weekdays
        timeBands
        mobility
        groupSize
        accessibility
        wishes
        strengths
        participationLevel
        householdCircumstances
        area {
          id
          name
        }
      }
      resource {
        id
        name
        kind
        scheduleText
        organization {
          id
          name
        }
        areas {
          id
          name
        }
        nextSessions(count: 3) {
          date
          startTime
          endTime
          label
        }
      }
      attendance {
        id
        sessionOn
        attended
        note
        createdAt
      }
    }
  }
`;

export const HEAVY_BOARD = /* GraphQL */ `
  query HeavyBoard($first: Int!) {
    matches(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          stage
          stageLabel
          startedOn
          updatedAt
          version
          score
          person {
            id
            displayName
            nameKana
            area {
              id
              name
            }
          }
          resource {
            id
            name
            kind
            organization {
              id
              name
            }
          }
          coordinator {
            id
            displayName
          }
          allowedTransitions {
            to
            label
            reasonRequired
            outcomeRequired
            hostConsentRequired
          }
        }
      }
    }
  }
`;

export const HEAVY_SUGGEST = /* GraphQL */ `
  query HeavySuggest($personId: ID!, $first: Int!) {
    suggestResources(personId: $personId, first: $first) {
      totalCandidates
      degraded
      suggestions {
        score
        distanceMeters
        reasons {
          code
          text
          points
        }
        nextSession {
          date
          startTime
          label
        }
        resource {
          id
          name
          kind
          scheduleText
          organization {
            id
            name
          }
          areas {
            id
            name
          }
        }
      }
      excluded {
        distanceMeters
        reasons {
          code
          text
        }
        resource {
          id
          name
          kind
        }
      }
    }
  }
`;
