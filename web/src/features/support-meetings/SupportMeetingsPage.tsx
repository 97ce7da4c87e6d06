import { useState } from "react";
import { commonMessages, supportMeetingMessages as t } from "../../messages";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useUserChoices } from "../admin/use-user-choices";
import { SupportMeetingForm, type SupportMeetingFormValues } from "./SupportMeetingForm";
import { SupportMeetingRow } from "./SupportMeetingRow";
import {
  useArchiveSupportMeetingGroup,
  useCreateSupportMeetingGroup,
  useRestoreSupportMeetingGroup,
  useSupportMeetingGroups,
  useUpdateSupportMeetingGroup,
} from "./use-support-meetings";

const EMPTY: SupportMeetingFormValues = { name: "", memberIds: [] };

/**
 * 支援会議の管理 (administrators): every meeting with its members and how many persons it holds; create one, rename
 * it, change who sits on it, and archive it (never delete: its persons refer to it) after a confirmation.
 */
export function SupportMeetingsPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const { data, loading, error } = useSupportMeetingGroups(includeArchived);
  const { users, failed: usersFailed } = useUserChoices();
  const [create, creating] = useCreateSupportMeetingGroup();
  const [update, updating] = useUpdateSupportMeetingGroup();
  const [archive, archiving] = useArchiveSupportMeetingGroup();
  const [restore] = useRestoreSupportMeetingGroup();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState("");
  // Where the last refusal is shown: beside the form, in the confirmation, or above the list (a failed restore).
  const [failure, setFailure] = useState<{ at: "form" | "confirm" | "list"; error: ParsedError } | null>(null);
  const failureAt = (at: "form" | "confirm" | "list") => (failure?.at === at ? failure.error : null);
  const groups = data?.supportMeetingGroups ?? [];
  const editing = groups.find((g) => g.id === editingId) ?? null;
  const confirming = groups.find((g) => g.id === confirmingId) ?? null;

  const run = async (at: "form" | "confirm" | "list", action: () => Promise<string>) => {
    setStatus("");
    setFailure(null);
    try {
      setStatus(await action());
      return true;
    } catch (e) {
      setFailure({ at, error: parseGraphQLError(e) });
      return false;
    }
  };
  const save = async (values: SupportMeetingFormValues) => {
    const ok = await run("form", async () => {
      if (editing) {
        await update({ variables: { input: { id: editing.id, ...values } } });
        return t.saved(values.name);
      }
      await create({ variables: { input: values } });
      return t.created(values.name);
    });
    if (ok) {
      setEditingId(null);
      setFormKey((k) => k + 1);
    }
  };
  const confirmArchive = async (group: { id: string; name: string }) => {
    if (
      await run("confirm", async () => {
        await archive({ variables: { id: group.id } });
        return t.archivedDone(group.name);
      })
    )
      setConfirmingId(null);
  };
  const doRestore = (group: { id: string; name: string }) =>
    void run("list", async () => {
      await restore({ variables: { id: group.id } });
      return t.restoredDone(group.name);
    });

  return (
    <>
      <h1>{t.heading}</h1>
      <p className="page-lead">{t.lead}</p>
      <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
        {status}
      </p>

      <section className="page-section" aria-labelledby="support-meeting-form-heading">
        <h2 id="support-meeting-form-heading">{editing ? t.editHeading(editing.name) : t.newHeading}</h2>
        <SupportMeetingForm
          key={`${editingId ?? "new"}-${formKey}`}
          initial={editing ? { name: editing.name, memberIds: editing.members.map((m) => m.id) } : EMPTY}
          users={users}
          usersLoading={!usersFailed && users.length === 0}
          usersFailed={usersFailed}
          editing={!!editing}
          saving={creating.loading || updating.loading}
          error={failureAt("form")}
          onSubmit={(values) => void save(values)}
          onCancel={
            editing
              ? () => {
                  setEditingId(null);
                  setFailure(null);
                }
              : undefined
          }
        />
      </section>

      {confirming && (
        <section className="page-section notice" aria-labelledby="support-meeting-confirm-heading">
          <h2 id="support-meeting-confirm-heading">{t.confirmHeading(confirming.name)}</h2>
          <p>{t.confirmBody(confirming.personCount)}</p>
          {failureAt("confirm") && (
            <p className="notice notice--error" role="alert">
              {failureAt("confirm")!.message}
            </p>
          )}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={archiving.loading}
              onClick={() => void confirmArchive(confirming)}
            >
              {t.confirmArchive}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirmingId(null);
                setFailure(null);
              }}
            >
              {t.cancel}
            </button>
          </div>
        </section>
      )}

      <section className="page-section" aria-labelledby="support-meeting-list-heading">
        <h2 id="support-meeting-list-heading">{t.listHeading}</h2>
        {failureAt("list") && (
          <p className="notice notice--error" role="alert">
            {failureAt("list")!.message}
          </p>
        )}
        <label className="choice">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          <span>{t.includeArchived}</span>
        </label>
        {loading && !data && <p role="status">{commonMessages.loading}</p>}
        {error && !data && (
          <p className="notice notice--error" role="alert">
            {commonMessages.loadError}
          </p>
        )}
        {data && groups.length === 0 && <p>{t.none}</p>}
        {groups.length > 0 && (
          <table className="data-table">
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.members}</th>
                <th scope="col">
                  <abbr title={t.personCountHint}>{t.columns.personCount}</abbr>
                </th>
                <th scope="col">{t.columns.state}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <SupportMeetingRow
                  key={group.id}
                  group={group}
                  onEdit={() => {
                    setEditingId(group.id);
                    setConfirmingId(null);
                    setFailure(null);
                  }}
                  onArchive={() => {
                    setConfirmingId(group.id);
                    setEditingId(null);
                    setFailure(null);
                  }}
                  onRestore={() => doRestore(group)}
                />
              ))}
            </tbody>
          </table>
        )}
        <p className="field__hint">{t.personCountHint}</p>
      </section>
    </>
  );
}
