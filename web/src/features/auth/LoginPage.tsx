import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { homePathFor, setupPathFor, useViewer } from "../../app/viewer";
import { accountMessages, authMessages as m, commonMessages } from "../../messages";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { loginErrorMessage, safeNextPath } from "./login-errors";
import { useLogin } from "./use-login";
import { OidcSignIn } from "./OidcSignIn";
import { useSignInOptions } from "./use-sign-in-options";

/** ログイン: email and password; afterwards to `?next=` (a page that asked for sign-in) or the role's start page. */
export function LoginPage() {
  const { viewer, loading } = useViewer();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const [login, { loading: submitting }] = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [staySignedIn, setStaySignedIn] = useState(false);
  // The second step: the password was right and the account has TOTP; the same sign-in is sent again with the code.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);
  const a = accountMessages.login;
  const options = useSignInOptions();

  if (loading) return <p role="status">{commonMessages.loading}</p>;
  // Already signed in (a bookmark of /login, or the back button after signing in).
  if (viewer && !submitting) return <Navigate to={next ?? homePathFor(viewer.role)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const user = await login(email.trim(), password, { code: askCode ? code.trim() : undefined, staySignedIn });
      if (user) void navigate(setupPathFor(user.pendingSetup) ?? next ?? homePathFor(user.role), { replace: true });
    } catch (e) {
      const parsed = parseGraphQLError(e);
      const reason = parsed.extensions.reason;
      setCode("");
      if (reason === "SECOND_FACTOR_REQUIRED") {
        setAskCode(true);
        return;
      }
      setError(parsed);
      if (reason === "INVALID_CODE") return;
      setAskCode(false);
      setPassword("");
    }
  };

  const backToPassword = () => {
    setAskCode(false);
    setCode("");
    setPassword("");
    setError(null);
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
            <p>{error.extensions.reason === "INVALID_CODE" ? a.invalidCode : loginErrorMessage(error)}</p>
            {locked && <p>{m.lockedHint}</p>}
          </ErrorSummary>
        )}
        <OidcSignIn next={next} refusal={params.get("oidcError")} />
        <form className="login__form" onSubmit={(e) => void submit(e)} noValidate>
          {askCode ? (
            <>
              <p>{a.codeLead}</p>
              <Field label={a.code} hint={a.codeHint} errors={fieldMessages(error, "code")}>
                {(props) => (
                  <input
                    {...props}
                    className="field__control"
                    type="text"
                    name="code"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    spellCheck={false}
                    required
                    autoFocus
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                  />
                )}
              </Field>
            </>
          ) : (
            <>
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
              <label className="choice">
                <input type="checkbox" checked={staySignedIn} onChange={(e) => setStaySignedIn(e.target.checked)} />
                <span>{a.staySignedIn}</span>
              </label>
              <p className="field__hint">{a.staySignedInHint(options?.staySignedInHours)}</p>
            </>
          )}
          <button type="submit" className="button login__submit" disabled={submitting}>
            {submitting ? m.submitting : m.submit}
          </button>
          {askCode && (
            <button type="button" className="button button--secondary" onClick={backToPassword}>
              {a.back}
            </button>
          )}
        </form>
        <p className="login__public">
          <Link to="/resources">{m.publicDirectory}</Link>
        </p>
      </div>
    </main>
  );
}
