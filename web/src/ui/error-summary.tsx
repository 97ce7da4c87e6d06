import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The message that a form could not be sent (入力内容を確認してください, or the server's refusal), taking the focus
 * when it appears and again on every submit that leaves it shown, as the GOV.UK and デジタル庁 design systems'
 * error summaries do: otherwise focus stays on the submit button, and on a long form the message may be out of view
 * and is not read out. The field messages stay beside their fields. The focus moves in the commit that shows the
 * summary (a layout effect), not some time after it: the summary never appears without the focus.
 */
export function ErrorSummary({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const summary = ref.current;
    if (!summary) return;
    summary.focus();
    // A second failed submit keeps this summary mounted (the form clears and sets its failure in one render): the
    // form's own submit handler runs after this listener, so the focus moves once it has settled.
    const form = summary.closest("form");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSubmit = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (summary.isConnected) summary.focus();
      }, 0);
    };
    form?.addEventListener("submit", onSubmit);
    return () => {
      clearTimeout(timer);
      form?.removeEventListener("submit", onSubmit);
    };
  }, []);

  return (
    <div ref={ref} className="notice notice--error error-summary" role="alert" tabIndex={-1}>
      {typeof children === "string" ? <p>{children}</p> : children}
    </div>
  );
}
