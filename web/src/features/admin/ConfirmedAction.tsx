import { useEffect, useId, useRef, useState } from "react";
import { accountMessages, commonMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";

const a = accountMessages.admin;

/** What an action on an account did, for the page to announce (a notice, once a secret to hand over, or a refusal). */
export type ActionResult = { kind: "done"; message: string; secret?: string } | { kind: "failed"; message: string };

/**
 * One button of アカウント: it runs `action` and reports the outcome (the server's refusal included) through
 * `onResult`. With `confirm` it first asks, in a modal dialog that names the user and the consequence; nothing is sent
 * until 「{label}」 is pressed there, and 「キャンセル」 (or Esc) sends nothing.
 */
export function ConfirmedAction({
  label,
  confirm,
  disabled = false,
  action,
  onResult,
}: {
  label: string;
  /** The question, naming the user and what will happen; left out for an action that is harmless (再開). */
  confirm?: string;
  disabled?: boolean;
  action: () => Promise<ActionResult>;
  onResult: (result: ActionResult) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    try {
      onResult(await action());
    } catch (err) {
      const parsed = parseGraphQLError(err);
      onResult({ kind: "failed", message: Object.values(parsed.fieldErrors).flat()[0] ?? parsed.message });
    } finally {
      setRunning(false);
      setAsking(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={disabled || running}
        onClick={() => (confirm ? setAsking(true) : void run())}
      >
        {label}
      </button>
      {asking && confirm && (
        <ConfirmDialog
          title={a.confirmTitle(label)}
          question={confirm}
          proceed={label}
          busy={running}
          onProceed={() => void run()}
          // Once the request is sent, there is nothing left to cancel: the dialog closes with its answer.
          onCancel={() => !running && setAsking(false)}
        />
      )}
    </>
  );
}

/**
 * A modal `<dialog>` (as TransitionDialog): the browser keeps focus inside it and Esc closes it. Focus starts on
 * 「キャンセル」, the harmless choice, and goes back to the button that opened it.
 */
function ConfirmDialog({
  title,
  question,
  proceed,
  busy,
  onProceed,
  onCancel,
}: {
  title: string;
  question: string;
  proceed: string;
  busy: boolean;
  onProceed: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const questionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={questionId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <p id={questionId}>{question}</p>
      <div className="dialog__actions">
        <button type="button" className="button" disabled={busy} onClick={onProceed}>
          {proceed}
        </button>
        <button ref={cancelRef} type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
          {commonMessages.cancel}
        </button>
      </div>
    </dialog>
  );
}
