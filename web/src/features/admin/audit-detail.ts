/** How many names a row shows before 「ほか N 項目」: the column is a hint, the filter is the way to dig. */
export const DETAIL_NAMES_SHOWN = 6;

/**
 * `AuditEvent.detail` as a short list of names, never values. A READ lists the fields asked (`{ fields: [...] }`),
 * an UPDATE the changed ones; other rows carry keys such as `to`, `code` or `filter`. The server stores no personal
 * values there, and the screen still shows only names, so nothing typed into a record can appear in this column.
 */
export function auditDetailNames(detail: unknown, shown = DETAIL_NAMES_SHOWN): { names: string[]; more: number } {
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) return { names: [], more: 0 };
  const names: string[] = [];
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (key === "fields" && Array.isArray(value)) {
      for (const field of value) if (typeof field === "string" && !names.includes(field)) names.push(field);
    } else if (!names.includes(key)) {
      names.push(key);
    }
  }
  return { names: names.slice(0, shown), more: Math.max(0, names.length - shown) };
}
