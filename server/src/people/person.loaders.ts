import DataLoader from "dataloader";
import type { LoaderScope } from "../context.js";
import { defineLoaders, manyBy } from "../core/loaders.js";
import { Consent } from "./consent.entity.js";
import { Person } from "./person.entity.js";
import { visiblePersons } from "./person.visibility.js";
import { SupportPlan } from "./support-plan.entity.js";

export const personLoaders = defineLoaders(({ db, viewer }: LoaderScope) => ({
  /** The person if the request's viewer may see them, else null (the same rule as PersonService.getVisible). */
  visible: new DataLoader<string, Person | null>((ids) => visiblePersons(db.manager, viewer, ids)),
  /** A person's consents, newest first (withdrawn and expired ones included). */
  consents: manyBy(db, Consent, "personId", { givenOn: "DESC", createdAt: "DESC" }),
  /** A person's support plans, newest first. */
  supportPlans: manyBy(db, SupportPlan, "personId", { createdAt: "DESC" }),
}));
