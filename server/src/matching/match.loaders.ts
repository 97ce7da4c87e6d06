import DataLoader from "dataloader";
import type { LoaderScope } from "../context.js";
import { defineLoaders, groupIn, manyBy } from "../core/loaders.js";
import { joinVisiblePerson } from "../people/person.visibility.js";
import { Attendance, Match, MatchTransition } from "./match.entity.js";

/** How many of a person's matches their page lists (the newest). */
export const MATCHES_PER_PERSON = 100;

export const matchLoaders = defineLoaders(({ db, viewer }: LoaderScope) => ({
  /** A match's moves, oldest first. */
  history: manyBy(db, MatchTransition, "matchId", { effectiveOn: "ASC", createdAt: "ASC" }),
  /** A match's attendance days, newest first. */
  attendance: manyBy(db, Attendance, "matchId", { sessionOn: "DESC" }),
  /** A person's matches, newest update first, if the request's viewer may see the person (as on the board). */
  ofPerson: new DataLoader<string, Match[]>(async (personIds) => {
    if (!viewer) return personIds.map(() => []);
    const rows = await joinVisiblePerson(db.getRepository(Match).createQueryBuilder("m"), "m.personId", viewer)
      .andWhere("m.personId IN (:...personIds)", { personIds })
      .orderBy("m.updatedAt", "DESC")
      .addOrderBy("m.id", "DESC")
      .getMany();
    return groupIn(personIds, rows, (m) => m.personId).map((matches) => matches.slice(0, MATCHES_PER_PERSON));
  }),
}));
