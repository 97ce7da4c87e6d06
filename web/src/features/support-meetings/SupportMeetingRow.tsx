import { type FragmentType, graphql, useFragment } from "../../gql";
import { supportMeetingMessages as t } from "../../messages";

export const SUPPORT_MEETING_ROW_FRAGMENT = graphql(`
  fragment SupportMeetingRow_group on SupportMeetingGroup {
    id
    name
    archivedAt
    personCount
    members {
      id
      displayName
      active
    }
    viewerCan {
      update
      archive
      restore
    }
  }
`);

/** One 支援会議 in the list: its members, how many persons it holds (a number, never names), and its actions. */
export function SupportMeetingRow({
  group: ref,
  onEdit,
  onArchive,
  onRestore,
}: {
  group: FragmentType<typeof SUPPORT_MEETING_ROW_FRAGMENT>;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
}) {
  const group = useFragment(SUPPORT_MEETING_ROW_FRAGMENT, ref);
  return (
    <tr>
      <th scope="row">{group.name}</th>
      <td>
        {group.members.length === 0 ? (
          t.noMembers
        ) : (
          <ul className="plain-list">
            {group.members.map((m) => (
              <li key={m.id}>
                {m.displayName}
                {!m.active && ` (${t.stopped})`}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{t.personCount(group.personCount)}</td>
      <td>{group.archivedAt ? t.archived : t.open}</td>
      <td>
        {group.viewerCan.update && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t.edit(group.name)}
            onClick={onEdit}
          >
            {t.editButton}
          </button>
        )}{" "}
        {group.viewerCan.archive && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t.archive(group.name)}
            onClick={onArchive}
          >
            {t.archiveButton}
          </button>
        )}
        {group.viewerCan.restore && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t.restore(group.name)}
            onClick={onRestore}
          >
            {t.restoreButton}
          </button>
        )}
      </td>
    </tr>
  );
}
