import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const INTAKE_FIELDS = graphql(`
  fragment IntakeRecord_consultationIntake on ConsultationIntake {
    id
    receivedOn
    route
    field
    ageBand
    outcome
    note
    version
    linked
    area {
      id
      name
    }
    person {
      id
      displayName
    }
    viewerCan {
      update
      link
    }
  }
`);

const CREATE_INTAKE = graphql(`
  mutation CreateConsultationIntake($input: CreateConsultationIntakeInput!) {
    createConsultationIntake(input: $input) {
      consultationIntake {
        ...IntakeRecord_consultationIntake
      }
    }
  }
`);

const UPDATE_INTAKE = graphql(`
  mutation UpdateConsultationIntake($input: UpdateConsultationIntakeInput!) {
    updateConsultationIntake(input: $input) {
      consultationIntake {
        ...IntakeRecord_consultationIntake
      }
    }
  }
`);

const LINK_INTAKE = graphql(`
  mutation LinkIntakeToPerson($input: LinkIntakeToPersonInput!) {
    linkIntakeToPerson(input: $input) {
      consultationIntake {
        ...IntakeRecord_consultationIntake
      }
    }
  }
`);

/** Links a consultation to the person it became (or unlinks it): the row is updated in place by its id. */
export function useLinkIntake() {
  return useMutation(LINK_INTAKE);
}

/**
 * Records a consultation. The lists are kept per 年度 and ordered by the server; rather than re-implement where the
 * new row goes, the cached lists are dropped so the one on screen reloads.
 */
export function useCreateIntake() {
  return useMutation(CREATE_INTAKE, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "consultationIntakes" });
      cache.gc();
    },
  });
}

/** Corrects one: the row is updated in place by its id; a changed day may move it to another 年度, so lists reload. */
export function useUpdateIntake() {
  return useMutation(UPDATE_INTAKE, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "consultationIntakes" });
      cache.gc();
    },
  });
}
