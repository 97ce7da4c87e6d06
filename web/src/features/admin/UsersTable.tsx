import { useId } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { accountMessages, adminMessages, commonMessages } from "../../messages";
import type { ActionResult } from "./ConfirmedAction";
import { UserActions } from "./UserActions";

export const USERS_TABLE_FRAGMENT = graphql(`
  fragment UsersTable_user on User {
    id
    email
    displayName
    role
    active
    twoFactorEnabled
    mustChangePassword
    organization {
      id
      name
    }
  }
`);

const t = adminMessages.users;
const c = t.columns;
const a = accountMessages.admin;

/** The accounts in the server's order (by e-mail address). */
export function UsersTable({
  users: usersRef,
  onResult,
}: {
  users: readonly FragmentType<typeof USERS_TABLE_FRAGMENT>[];
  /** What an action on a row did (a notice, or a failure), for the page to announce. */
  onResult: (result: ActionResult) => void;
}) {
  const users = useFragment(USERS_TABLE_FRAGMENT, usersRef);
  const captionId = useId();
  return (
    <div className="table-scroll users-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table users-table">
        <caption id={captionId} className="visually-hidden">
          {t.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{c.email}</th>
            <th scope="col">{c.displayName}</th>
            <th scope="col">{c.role}</th>
            <th scope="col">{c.organization}</th>
            <th scope="col">{c.active}</th>
            <th scope="col">{a.columns.twoFactor}</th>
            <th scope="col">{a.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="users-table__email">
                {user.email}
              </th>
              <td>{user.displayName}</td>
              <td>{commonMessages.roles[user.role]}</td>
              <td>{user.organization?.name ?? t.none}</td>
              <td className="users-table__state">
                <span className={`badge ${user.active ? "badge--open" : "badge--paused"}`}>
                  {user.active ? t.active : t.inactive}
                </span>
                {user.mustChangePassword && <span className="badge">{a.temporary}</span>}
              </td>
              <td>{user.twoFactorEnabled ? a.twoFactorOn : a.twoFactorOff}</td>
              <td>
                <UserActions user={user} onResult={onResult} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
