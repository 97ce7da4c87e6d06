import { useState } from "react";
import { commonMessages, formatDateTime, settingsMessages as t } from "../../messages";
import type { ParsedError } from "../../ui/graphql-errors";
import { MunicipalSettingsForm } from "./MunicipalSettingsForm";
import { useMunicipalSettings, useUpdateMunicipalSettings } from "./use-municipal-settings";

/**
 * 運用設定 (administrators change them; anyone else who reaches the page reads them): the city's follow-up rules,
 * office days, contacts after closure, the matching rule and how long the audit log is kept.
 */
export function MunicipalSettingsPage() {
  const { settings, loading, error } = useMunicipalSettings();
  const [update, saving] = useUpdateMunicipalSettings();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);

  return (
    <>
      <h1>{t.heading}</h1>
      <p className="page-lead">{t.lead}</p>
      {loading && !settings && <p role="status">{commonMessages.loading}</p>}
      {error && !settings && (
        <p className="notice notice--error" role="alert">
          {commonMessages.loadError}
        </p>
      )}
      {settings && (
        <>
          {!settings.viewerCan.update && <p className="notice">{t.readOnly}</p>}
          <p className="field__hint">{t.lastUpdated(formatDateTime(settings.updatedAt))}</p>
          <MunicipalSettingsForm
            // A new form from what the server kept, once it has answered a save.
            key={settings.updatedAt}
            saved={settings}
            canUpdate={settings.viewerCan.update}
            saving={saving}
            error={failure}
            onUnchanged={() => {
              setFailure(null);
              setStatus(t.nothingChanged);
            }}
            onSubmit={(input) => {
              setStatus("");
              setFailure(null);
              void update(input).then((result) => {
                if (result.ok) setStatus(t.saved);
                else setFailure(result.error);
              });
            }}
          />
        </>
      )}
      {/* Under the save button, where the eye is after pressing it (the form is longer than the window). */}
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>
    </>
  );
}
