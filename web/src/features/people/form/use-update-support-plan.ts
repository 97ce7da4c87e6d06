import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const UPDATE_SUPPORT_PLAN_MUTATION = graphql(`
  mutation UpdateSupportPlan($input: UpdateSupportPlanInput!) {
    updateSupportPlan(input: $input) {
      supportPlan {
        id
        ...SupportPlanItem_plan
      }
    }
  }
`);

/** 支援プランを保存: the payload merges into the cached plan by id (new version included); nothing else changes. */
export function useUpdateSupportPlan() {
  return useMutation(UPDATE_SUPPORT_PLAN_MUTATION);
}
