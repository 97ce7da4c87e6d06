import { oidcMessages as m, oidcRefusalMessage } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { useSignInOptions } from "./use-sign-in-options";

/**
 * 「自治体のアカウントでログイン」: a plain link to the server's /auth/oidc/start (a full page load: the browser goes to
 * the city's identity provider and comes back signed in), shown only when the server has an identity provider. A
 * refusal comes back as `?oidcError=` and is said here in Japanese.
 */
export function OidcSignIn({ next, refusal }: { next: string | null; refusal: string | null }) {
  const options = useSignInOptions();
  const message = oidcRefusalMessage(refusal);
  const href = `/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ""}`;
  return (
    <>
      {message && (
        <ErrorSummary>
          <p>{message}</p>
        </ErrorSummary>
      )}
      {options?.oidcEnabled && (
        <div className="login__oidc">
          <a className="button login__submit" href={href}>
            {m.button}
          </a>
          <p className="login__or">{m.or}</p>
        </div>
      )}
    </>
  );
}
