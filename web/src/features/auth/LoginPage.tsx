import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { homePathFor, useViewer } from "../../app/viewer";
import { authMessages as m, commonMessages } from "../../messages";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { loginErrorMessage, safeNextPath } from "./login-errors";
import { useLogin } from "./use-login";
import { OidcSignIn } from "./OidcSignIn";

/** ログイン: email and password; afterwards to `?next=` (a page that asked for sign-in) or the role's start page. */
export function LoginPage() {
  const { viewer, loading } = useViewer();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const [login, { loading: submitting }] = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);

  if (loading) return <p role="status">{commonMessages.loading}</p>;
  // Already signed in (a bookmark of /login, or the back button after signing in).
  if (viewer && !submitting) return <Navigate to={next ?? homePathFor(viewer.role)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const user = await login(email.trim(), password);
      if (user) void navigate(next ?? homePathFor(user.role), { replace: true });
    } catch (e) {
      setError(parseGraphQLError(e));
      setPassword("");
    }
  };

  const locked = error?.extensions.reason === "LOCKED";
  return (
    <main id="main" className="login">
      <div className="login__panel">
        <p className="login__brand">{commonMessages.appName}</p>
        <h1 className="login__heading">{m.heading}</h1>
        <p className="login__lead">{m.lead}</p>
        {error && (
          <ErrorSummary>
            <p>{loginErrorMessage(error)}</p>
            {locked && <p>{m.lockedHint}</p>}
          </ErrorSummary>
        )}
        <OidcSignIn next={next} refusal={params.get("oidcError")} />
        <form className="login__form" onSubmit={(e) => void submit(e)} noValidate>
          <Field label={m.email} errors={fieldMessages(error, "email")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label={m.password} errors={fieldMessages(error, "password")}>
            {(props) => (
              <input
                {...props}
                className="field__control"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button login__submit" disabled={submitting}>
            {submitting ? m.submitting : m.submit}
          </button>
        </form>
        <p className="login__public">
          <Link to="/resources">{m.publicDirectory}</Link>
        </p>
      </div>
    </main>
  );
}
