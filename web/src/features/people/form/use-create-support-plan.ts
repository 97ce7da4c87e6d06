import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const SUPPORT_PLAN_ITEM_FRAGMENT = graphql(`
  fragment SupportPlanItem_plan on SupportPlan {
    id
    version
    planVersion
    status
    goals
    agreedOn
    reviewOn
  }
`);

export const CREATE_SUPPORT_PLAN_MUTATION = graphql(`
  mutation CreateSupportPlan($input: CreateSupportPlanInput!) {
    createSupportPlan(input: $input) {
      supportPlan {
        id
        ...SupportPlanItem_plan
      }
    }
  }
`);

/** 支援プランを作る: the new plan heads the person's list in the cache (the server lists plans newest first). */
export function useCreateSupportPlan(personId: string) {
  return useMutation(CREATE_SUPPORT_PLAN_MUTATION, {
    update(cache, { data }) {
      const plan = data?.createSupportPlan.supportPlan;
      if (!plan) return;
      cache.modify({
        id: cache.identify({ __typename: "Person", id: personId }),
        fields: {
          supportPlans: (existing: readonly { __ref: string }[] = [], { toReference }) => [
            toReference(plan)!,
            ...existing,
          ],
        },
      });
    },
  });
}
