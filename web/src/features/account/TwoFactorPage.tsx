import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { homePathFor, useViewer } from "../../app/viewer";
import { accountMessages, commonMessages, errorMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useBeginTwoFactor, useConfirmTwoFactor, useDisableTwoFactor, useTwoFactorStatus } from "./use-two-factor";

const t = accountMessages.twoFactor;

/** The QR code as the server made it (an SVG document), shown as an image: no markup of it enters the page. */
const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** 二段階認証: set up TOTP (QR code and key, a first code, the recovery codes shown once) or turn it off. */
export function TwoFactorPage() {
  const { viewer } = useViewer();
  const status = useTwoFactorStatus();
  const [begin, beginState] = useBeginTwoFactor();
  const [confirm, confirmState] = useConfirmTwoFactor();
  const [disable, disableState] = useDisableTwoFactor();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCodeSvg: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const fail = (err: unknown) => {
    const parsed = parseGraphQLError(err);
    setErrors(parsed.fieldErrors);
    setFailure(parsed.message);
  };
  const reset = () => {
    setErrors({});
    setFailure(null);
    setNotice(null);
  };

  const start = async () => {
    reset();
    try {
      const { data } = await begin();
      if (data) setEnrolment(data.beginTwoFactorEnrolment);
    } catch (err) {
      fail(err);
    }
  };

  /** A form that sends the typed code: refused here when empty, else `send` runs with it and a refusal is shown. */
  const withCode = (send: (typed: string) => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    reset();
    const typed = code.trim();
    if (!typed) {
      setErrors({ code: [t.missingCode] });
      setFailure(errorMessages.checkInput);
      return;
    }
    try {
      await send(typed);
    } catch (err) {
      fail(err);
    }
  };

  const submitConfirm = withCode(async (typed) => {
    const { data } = await confirm({ variables: { input: { code: typed } } });
    if (data) {
      setRecoveryCodes(data.confirmTwoFactorEnrolment.recoveryCodes);
      setEnrolment(null);
      setCode("");
    }
  });

  const submitDisable = withCode(async (typed) => {
    await disable({ variables: { input: { code: typed } } });
    setCode("");
    setNotice(t.disabled);
  });

  const me = status.data?.me;
  const codeField = (label: string) => (
    <Field label={label} required errors={errors.code ?? []}>
      {(props) => (
        <input
          {...props}
          className="field__control field__control--short"
          type="text"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>
      {failure && <ErrorSummary>{failure}</ErrorSummary>}
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>

      {!me ? (
        <p role="status">{commonMessages.loading}</p>
      ) : recoveryCodes ? (
        <section className="page-section" aria-labelledby="recovery-title">
          <p className="notice notice--success">{t.done}</p>
          <h2 id="recovery-title">{t.recoveryTitle}</h2>
          <p>{t.recoveryLead}</p>
          <ul className="recovery-codes" aria-labelledby="recovery-title">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Link className="button" to={viewer ? homePathFor(viewer.role) : "/"}>
            {t.recoveryDone}
          </Link>
        </section>
      ) : me.twoFactorEnabled ? (
        <section className="page-section" aria-labelledby="disable-title">
          <p>{t.enabled}</p>
          <h2 id="disable-title">{t.disableTitle}</h2>
          <form className="form" onSubmit={(e) => void submitDisable(e)} noValidate aria-labelledby="disable-title">
            <p>{t.disableLead}</p>
            {codeField(t.code)}
            <div className="form__actions">
              <button type="submit" className="button button--secondary" disabled={disableState.loading}>
                {disableState.loading ? t.disabling : t.disable}
              </button>
            </div>
          </form>
        </section>
      ) : enrolment ? (
        <section className="page-section" aria-label={t.pageTitle}>
          <p>{t.step1}</p>
          <img
            className="two-factor__qr"
            src={svgDataUrl(enrolment.qrCodeSvg)}
            alt={t.qrAlt}
            width={220}
            height={220}
          />
          <p>
            {t.secretLabel}: <code className="two-factor__secret">{enrolment.secret}</code>
          </p>
          <form className="form" onSubmit={(e) => void submitConfirm(e)} noValidate aria-label={t.confirm}>
            <p>{t.step2}</p>
            {codeField(t.code)}
            <div className="form__actions">
              <button type="submit" className="button" disabled={confirmState.loading}>
                {confirmState.loading ? t.confirming : t.confirm}
              </button>
            </div>
          </form>
        </section>
      ) : (
        <section className="page-section">
          <p>{t.notEnabled}</p>
          <button type="button" className="button" disabled={beginState.loading} onClick={() => void start()}>
            {beginState.loading ? t.starting : t.start}
          </button>
        </section>
      )}
    </>
  );
}
