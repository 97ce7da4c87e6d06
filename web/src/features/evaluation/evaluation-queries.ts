import { graphql } from "../../gql";

/** The whole report of one 年度 (and the three before it): the page, its summary and the print view read it. */
export const EVALUATION_REPORT_QUERY = graphql(`
  query EvaluationReport($fiscalYear: Int!) {
    evaluationReport(fiscalYear: $fiscalYear) {
      fiscalYear
      years
      rows {
        indicatorId
        name
        unit
        jigyo
        bunya
        definition
        entered
        years {
          fiscalYear
          target
          actual
          rate
        }
        rate
        bucket
        breakdown {
          axis
          key
          value
        }
      }
      byJigyo {
        key
        label
        total
        atLeast100
        atLeast75
        atLeast50
        atLeast25
        above0
        zero
        noTarget
      }
      byBunya {
        key
        label
        total
        atLeast100
        atLeast75
        atLeast50
        atLeast25
        above0
        zero
        noTarget
      }
      funnel {
        intakes
        consents
        supportedPersons
        carriedOverPersons
        planPersons
        newPlanPersons
        replanPersons
        cooperationOrganizations
        matchings
      }
      narratives {
        id
        fiscalYear
        jigyo
        achievementEvaluation
        issuesAndDirection
        updatedAt
        updatedByName
      }
    }
  }
`);

export const INDICATOR_TARGETS_QUERY = graphql(`
  query IndicatorTargets($fiscalYear: Int!) {
    indicatorTargets(fiscalYear: $fiscalYear) {
      id
      indicatorId
      fiscalYear
      value
      setAt
      setByName
    }
  }
`);

export const SET_INDICATOR_TARGETS = graphql(`
  mutation SetIndicatorTargets($input: SetIndicatorValuesInput!) {
    setIndicatorTargets(input: $input) {
      targets {
        id
        indicatorId
        fiscalYear
        value
        setAt
        setByName
      }
    }
  }
`);

export const CARRY_TARGETS_FORWARD = graphql(`
  mutation CarryTargetsForward($input: CarryTargetsForwardInput!) {
    carryTargetsForward(input: $input) {
      targets {
        id
        indicatorId
        fiscalYear
        value
        setAt
        setByName
      }
    }
  }
`);

export const SET_INDICATOR_ENTERED_VALUES = graphql(`
  mutation SetIndicatorEnteredValues($input: SetIndicatorValuesInput!) {
    setIndicatorEnteredValues(input: $input) {
      values {
        id
        indicatorId
        fiscalYear
        value
      }
    }
  }
`);

export const SET_REPORT_NARRATIVE = graphql(`
  mutation SetReportNarrative($input: SetReportNarrativeInput!) {
    setReportNarrative(input: $input) {
      narrative {
        id
        fiscalYear
        jigyo
        achievementEvaluation
        issuesAndDirection
        updatedAt
        updatedByName
      }
    }
  }
`);
