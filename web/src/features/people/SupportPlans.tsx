import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  SUPPORT_PLAN_STATUS_LABELS,
  SUPPORT_PLAN_VERSION_LABELS,
  formatCalendarDate,
  peopleMessages,
} from "../../messages";

export const SUPPORT_PLANS_FRAGMENT = graphql(`
  fragment SupportPlans_person on Person {
    id
    supportPlans {
      id
      planVersion
      status
      goals
      agreedOn
      reviewOn
    }
  }
`);

const t = peopleMessages.detail;

export function SupportPlans({ person: personRef }: { person: FragmentType<typeof SUPPORT_PLANS_FRAGMENT> }) {
  const person = useFragment(SUPPORT_PLANS_FRAGMENT, personRef);
  if (!person.supportPlans.length) return <p className="notice">{t.plansEmpty}</p>;
  return (
    <ol className="record-list" role="list">
      {person.supportPlans.map((plan) => (
        <li key={plan.id} className="record">
          <h3 className="record__title">
            {t.planTitle(SUPPORT_PLAN_VERSION_LABELS[plan.planVersion], SUPPORT_PLAN_STATUS_LABELS[plan.status])}
          </h3>
          <dl className="facts">
            {plan.goals.length > 0 && (
              <div className="fact">
                <dt>{t.planGoals}</dt>
                <dd>
                  <ul className="plain-list">
                    {plan.goals.map((goal) => (
                      <li key={goal}>{goal}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {plan.agreedOn && (
              <div className="fact">
                <dt>{t.planAgreedOn}</dt>
                <dd>{formatCalendarDate(plan.agreedOn)}</dd>
              </div>
            )}
            {plan.reviewOn && (
              <div className="fact">
                <dt>{t.planReviewOn}</dt>
                <dd>{formatCalendarDate(plan.reviewOn)}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
