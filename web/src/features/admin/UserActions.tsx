import { useId, useState } from "react";
import type { UserRole } from "../../gql/graphql";
import { accountMessages, commonMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useAccountAdmin } from "./use-account-admin";

const a = accountMessages.admin;
const ROLES: UserRole[] = ["ADMIN", "COORDINATOR", "HOST", "VIEWER"];

export type ActionResult = { kind: "done"; message: string; secret?: string } | { kind: "failed"; message: string };

interface Row {
  id: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  twoFactorEnabled: boolean;
}

/** The actions on one account, in a group named after its holder (the server refuses what may not be done). */
export function UserActions({ user, onResult }: { user: Row; onResult: (result: ActionResult) => void }) {
  const admin = useAccountAdmin();
  const [role, setRole] = useState<UserRole>(user.role);
  const roleId = useId();
  const name = user.displayName;
  const input = { userId: user.id };

  const run = async (action: () => Promise<ActionResult>) => {
    try {
      onResult(await action());
    } catch (err) {
      const parsed = parseGraphQLError(err);
      onResult({ kind: "failed", message: Object.values(parsed.fieldErrors).flat()[0] ?? parsed.message });
    }
  };

  return (
    <div className="user-actions" role="group" aria-label={a.actionsFor(name)}>
      {user.active ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={admin.busy}
          onClick={() =>
            void run(async () => {
              await admin.deactivate({ variables: { input } });
              return { kind: "done", message: a.deactivated(name) };
            })
          }
        >
          {a.deactivate}
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={admin.busy}
          onClick={() =>
            void run(async () => {
              await admin.reactivate({ variables: { input } });
              return { kind: "done", message: a.reactivated(name) };
            })
          }
        >
          {a.reactivate}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={admin.busy}
        onClick={() =>
          void run(async () => {
            const { data } = await admin.issueTemporary({ variables: { input } });
            return {
              kind: "done",
              message: a.temporaryIssued(name),
              secret: data?.issueTemporaryPassword.temporaryPassword,
            };
          })
        }
      >
        {a.issueTemporary}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={admin.busy}
        onClick={() =>
          void run(async () => {
            const { data } = await admin.signOut({ variables: { input } });
            return { kind: "done", message: a.signedOut(name, data?.signOutUser.sessionsEnded ?? 0) };
          })
        }
      >
        {a.signOut}
      </button>
      {user.twoFactorEnabled && (
        <button
          type="button"
          className="button button--secondary"
          disabled={admin.busy}
          onClick={() =>
            void run(async () => {
              await admin.resetTwoFactor({ variables: { input } });
              return { kind: "done", message: a.resetDone(name) };
            })
          }
        >
          {a.resetTwoFactor}
        </button>
      )}
      <span className="user-actions__role">
        <label htmlFor={roleId} className="visually-hidden">
          {a.roleLabel(name)}
        </label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {commonMessages.roles[r]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary"
          disabled={admin.busy || role === user.role}
          onClick={() =>
            void run(async () => {
              await admin.changeRole({ variables: { input: { userId: user.id, role } } });
              return { kind: "done", message: a.roleChanged(name) };
            })
          }
        >
          {a.changeRole}
        </button>
      </span>
    </div>
  );
}
