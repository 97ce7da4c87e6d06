import { useId, useState } from "react";
import type { UserRole } from "../../gql/graphql";
import { accountMessages, commonMessages } from "../../messages";
import { ConfirmedAction, type ActionResult } from "./ConfirmedAction";
import { useOrganizationChoices } from "./CreateUserForm";
import { useAccountAdmin } from "./use-account-admin";

const a = accountMessages.admin;
const ROLES: UserRole[] = ["ADMIN", "COORDINATOR", "HOST", "VIEWER"];

interface Row {
  id: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  twoFactorEnabled: boolean;
  organization?: { id: string } | null;
}

/**
 * The actions on one account, in a group named after its holder. Each one that ends sessions, a password, a second
 * factor or a role asks first (ConfirmedAction); the server refuses what may not be done.
 */
export function UserActions({ user, onResult }: { user: Row; onResult: (result: ActionResult) => void }) {
  const admin = useAccountAdmin();
  const [role, setRole] = useState<UserRole>(user.role);
  // A 受け入れ先 belongs to an organization: becoming one means choosing it (the one it has, if it has one).
  const [organizationId, setOrganizationId] = useState(user.organization?.id ?? "");
  const needsOrganization = role === "HOST";
  const roleId = useId();
  const name = user.displayName;
  const input = { userId: user.id };
  const common = { disabled: admin.busy, onResult };

  return (
    <div className="user-actions" role="group" aria-label={a.actionsFor(name)}>
      {user.active ? (
        <ConfirmedAction
          key="deactivate"
          {...common}
          label={a.deactivate}
          confirm={a.confirmDeactivate(name)}
          action={async () => {
            await admin.deactivate({ variables: { input } });
            return { kind: "done", message: a.deactivated(name) };
          }}
        />
      ) : (
        <ConfirmedAction
          key="reactivate"
          {...common}
          label={a.reactivate}
          action={async () => {
            await admin.reactivate({ variables: { input } });
            return { kind: "done", message: a.reactivated(name) };
          }}
        />
      )}
      <ConfirmedAction
        {...common}
        label={a.issueTemporary}
        confirm={a.confirmTemporary(name)}
        action={async () => {
          const { data } = await admin.issueTemporary({ variables: { input } });
          return {
            kind: "done",
            message: a.temporaryIssued(name),
            secret: data?.issueTemporaryPassword.temporaryPassword,
          };
        }}
      />
      <ConfirmedAction
        {...common}
        label={a.signOut}
        confirm={a.confirmSignOut(name)}
        action={async () => {
          const { data } = await admin.signOut({ variables: { input } });
          return { kind: "done", message: a.signedOut(name, data?.signOutUser.sessionsEnded ?? 0) };
        }}
      />
      {user.twoFactorEnabled && (
        <ConfirmedAction
          {...common}
          label={a.resetTwoFactor}
          confirm={a.confirmReset(name)}
          action={async () => {
            await admin.resetTwoFactor({ variables: { input } });
            return { kind: "done", message: a.resetDone(name) };
          }}
        />
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
        {needsOrganization && role !== user.role && (
          <OrganizationChoice label={a.organizationLabel(name)} value={organizationId} onChange={setOrganizationId} />
        )}
        <ConfirmedAction
          {...common}
          disabled={admin.busy || role === user.role || (needsOrganization && !organizationId)}
          label={a.changeRole}
          confirm={a.confirmRole(name, commonMessages.roles[user.role], commonMessages.roles[role])}
          action={async () => {
            await admin.changeRole({
              variables: { input: { userId: user.id, role, ...(needsOrganization ? { organizationId } : {}) } },
            });
            return { kind: "done", message: a.roleChanged(name) };
          }}
        />
      </span>
    </div>
  );
}

/** The organization a new 受け入れ先 belongs to (Apollo reads the organizations once for the whole table). */
function OrganizationChoice({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  const { organizations } = useOrganizationChoices();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{a.organizationChoose}</option>
        {organizations.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name}
          </option>
        ))}
      </select>
    </>
  );
}
