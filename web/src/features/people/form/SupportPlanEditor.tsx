import { useState } from "react";
import { type FragmentType, graphql, useFragment } from "../../../gql";
import { SUPPORT_PLAN_ITEM_FRAGMENT } from "./use-create-support-plan";
import {
  SUPPORT_PLAN_STATUS_LABELS,
  SUPPORT_PLAN_VERSION_LABELS,
  formatCalendarDate,
  peopleMessages,
  personFormMessages,
} from "../../../messages";
import { SupportPlanForm } from "./SupportPlanForm";

export const SUPPORT_PLAN_EDITOR_FRAGMENT = graphql(`
  fragment SupportPlanEditor_person on Person {
    id
    supportPlans {
      id
      ...SupportPlanItem_plan
    }
  }
`);

const t = personFormMessages.plans;
const d = peopleMessages.detail;

/** "create" or the id of the plan being edited; one form open at a time keeps the page short. */
type Open = string | null;

/**
 * The person's 支援プラン on the edit page: each with 編集, and 支援プランを作る. What was saved is announced in
 * the page's status region (`onStatus`); a CONFLICT's reload (`onReload`) re-reads the page and reopens nothing.
 */
export function SupportPlanEditor({
  person: personRef,
  today,
  onStatus,
  onReload,
}: {
  person: FragmentType<typeof SUPPORT_PLAN_EDITOR_FRAGMENT>;
  today: string;
  onStatus: (message: string) => void;
  onReload: () => Promise<void>;
}) {
  const person = useFragment(SUPPORT_PLAN_EDITOR_FRAGMENT, personRef);
  const plans = useFragment(SUPPORT_PLAN_ITEM_FRAGMENT, person.supportPlans);
  const [open, setOpen] = useState<Open>(null);
  const done = (message: string) => {
    setOpen(null);
    onStatus(message);
  };
  const reload = () => {
    setOpen(null);
    void onReload();
  };
  const titleOf = (plan: (typeof plans)[number]) =>
    t.planTitle(SUPPORT_PLAN_VERSION_LABELS[plan.planVersion], SUPPORT_PLAN_STATUS_LABELS[plan.status]);

  return (
    <>
      <p className="section-lead">{t.lead}</p>
      {person.supportPlans.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <ol className="record-list" role="list">
          {plans.map((plan) => {
            const title = titleOf(plan);
            return (
              <li key={plan.id} className="record">
                {open === plan.id ? (
                  <SupportPlanForm
                    mode={{ kind: "update", plan, title }}
                    today={today}
                    onDone={done}
                    onCancel={() => setOpen(null)}
                    onReload={reload}
                  />
                ) : (
                  <>
                    <h3 className="record__title">{title}</h3>
                    <dl className="facts">
                      <div className="fact">
                        <dt>{d.planGoals}</dt>
                        <dd>
                          {plan.goals.length ? (
                            <ul className="plain-list">
                              {plan.goals.map((goal) => (
                                <li key={goal}>{goal}</li>
                              ))}
                            </ul>
                          ) : (
                            t.noGoals
                          )}
                        </dd>
                      </div>
                      {plan.agreedOn && (
                        <div className="fact">
                          <dt>{d.planAgreedOn}</dt>
                          <dd>{formatCalendarDate(plan.agreedOn)}</dd>
                        </div>
                      )}
                      {plan.reviewOn && (
                        <div className="fact">
                          <dt>{d.planReviewOn}</dt>
                          <dd>{formatCalendarDate(plan.reviewOn)}</dd>
                        </div>
                      )}
                    </dl>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t.editLabel(title)}
                      onClick={() => setOpen(plan.id)}
                    >
                      {t.edit}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {open === "create" ? (
        <SupportPlanForm
          mode={{ kind: "create", personId: person.id, hasPlans: person.supportPlans.length > 0 }}
          today={today}
          onDone={done}
          onCancel={() => setOpen(null)}
          onReload={reload}
        />
      ) : (
        <p className="section-actions">
          <button type="button" className="button button--secondary" onClick={() => setOpen("create")}>
            {t.create}
          </button>
        </p>
      )}
    </>
  );
}
