import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { CreateUserInput, UserRole } from "../../gql/graphql";
import { adminMessages, commonMessages, errorMessages } from "../../messages";
import { Field, RadioGroup } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useFetchRemainingPages } from "./connection";
import { useCreateUser } from "./use-create-user";
import { ErrorSummary } from "../../ui/error-summary";

export const USER_ORGANIZATION_CHOICES_QUERY = graphql(`
  query UserOrganizationChoices($first: Int!, $after: String) {
    organizations(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const t = adminMessages.users;
const ROLE_OPTIONS = (Object.keys(t.roleHints) as UserRole[]).map(
  (role) => [role, commonMessages.roles[role]] as const,
);
const ORGANIZATIONS_PAGE_SIZE = 100;

export interface NewUserForm {
  email: string;
  displayName: string;
  role: UserRole | null;
  organizationId: string;
  password: string;
}

const EMPTY: NewUserForm = { email: "", displayName: "", role: null, organizationId: "", password: "" };

/**
 * The form → `CreateUserInput`, or the blanks to fill in first (keyed like the server's fields). The password policy
 * is the server's to apply (its messages come back beside the field); only what is missing is caught here. The 団体 is
 * sent only for a 受け入れ先 account: the form shows it for no other role.
 */
export function toCreateUserInput(
  form: NewUserForm,
): { ok: true; input: CreateUserInput } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  if (!form.email.trim()) errors.email = [t.missingEmail];
  if (!form.displayName.trim()) errors.displayName = [t.missingDisplayName];
  if (!form.role) errors.role = [t.missingRole];
  if (form.role === "HOST" && !form.organizationId) errors.organizationId = [t.missingOrganization];
  if (!form.password) errors.password = [t.missingPassword];
  if (Object.keys(errors).length || !form.role) return { ok: false, errors };
  return {
    ok: true,
    input: {
      email: form.email.trim(),
      displayName: form.displayName.trim(),
      role: form.role,
      password: form.password,
      ...(form.role === "HOST" ? { organizationId: form.organizationId } : {}),
    },
  };
}

/** Every organization (the list is read to its end), for choosing the one a 受け入れ先 account belongs to. */
export function useOrganizationChoices() {
  const { data, loading, error, fetchMore } = useQuery(USER_ORGANIZATION_CHOICES_QUERY, {
    variables: { first: ORGANIZATIONS_PAGE_SIZE },
  });
  const pageFailed = useFetchRemainingPages(data?.organizations.pageInfo, (after) =>
    fetchMore({ variables: { after } }),
  );
  return {
    organizations: data?.organizations.edges.map((e) => e.node) ?? [],
    loading,
    failed: Boolean(error) || pageFailed,
  };
}

function OrganizationSelect({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (id: string) => void;
  errors: string[];
}) {
  const { organizations, loading, failed } = useOrganizationChoices();
  const hint = failed ? t.organizationsLoadError : loading ? t.organizationsLoading : t.organizationHint;
  return (
    <Field label={t.organization} required hint={hint} errors={errors}>
      {(props) => (
        <select {...props} className="field__control" required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.organizationChoose}</option>
          {organizations.map((node) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** アカウントを作る; on success the form empties and says whose account was made (the list above shows it). */
export function CreateUserForm({ titleId }: { /** The heading that names the form. */ titleId: string }) {
  const [form, setForm] = useState<NewUserForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [create, { loading }] = useCreateUser();
  const set = <K extends keyof NewUserForm>(key: K, value: NewUserForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const field = (key: string) => errors[key] ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    setFailure(null);
    const checked = toCreateUserInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(errorMessages.checkInput);
      return;
    }
    setErrors({});
    try {
      const result = await create({ variables: { input: checked.input } });
      const user = result.data?.createUser.user;
      setForm(EMPTY);
      setShowPassword(false);
      if (user) setCreated(t.created(user.displayName, user.email));
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
      <div className="form-section">
        <Field label={t.email} required errors={field("email")}>
          {(props) => (
            <input
              {...props}
              className="field__control field--wide"
              type="email"
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={254}
              value={form.email}
              onChange={(e) => set("email", e.target.value)}
            />
          )}
        </Field>
        <Field label={t.displayName} required hint={t.displayNameHint} errors={field("displayName")}>
          {(props) => (
            <input
              {...props}
              className="field__control"
              type="text"
              required
              autoComplete="off"
              maxLength={100}
              value={form.displayName}
              onChange={(e) => set("displayName", e.target.value)}
            />
          )}
        </Field>
        <RadioGroup<UserRole>
          legend={t.role}
          required
          options={ROLE_OPTIONS}
          value={form.role}
          onChange={(role) => set("role", role)}
          hint={form.role ? t.roleHints[form.role] : undefined}
          errors={field("role")}
        />
        {form.role === "HOST" && (
          <OrganizationSelect
            value={form.organizationId}
            onChange={(id) => set("organizationId", id)}
            errors={field("organizationId")}
          />
        )}
        <Field label={t.password} required hint={adminMessages.passwordPolicy} errors={field("password")}>
          {(props) => (
            <input
              {...props}
              className="field__control"
              type={showPassword ? "text" : "password"}
              required
              autoComplete="new-password"
              spellCheck={false}
              value={form.password}
              onChange={(e) => set("password", e.target.value)}
            />
          )}
        </Field>
        <label className="choice">
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          <span>{t.showPassword}</span>
        </label>
      </div>
      {failure && <ErrorSummary>{failure}</ErrorSummary>}
      <div role="status">{created && <p className="notice notice--success">{created}</p>}</div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
