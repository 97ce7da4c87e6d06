import { catalogImportMessages as t } from "../../messages";

/** Files go to the upload route, not through GraphQL; it answers the id that `catalogImport(id)` previews. */
export async function uploadCatalogFile(file: File): Promise<{ id: string } | { error: string }> {
  try {
    const res = await fetch("/api/catalog-imports", {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name) },
      body: file,
    });
    const body = (await res.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
    if (res.ok && body?.id) return { id: body.id };
    return { error: body?.error?.message ?? t.uploadError };
  } catch {
    return { error: t.uploadError };
  }
}

/** The report of the preview as CSV, for the same reading options. */
export const reportUrl = (id: string, options: Record<string, unknown>) =>
  `/api/catalog-imports/${encodeURIComponent(id)}/report.csv?options=${encodeURIComponent(JSON.stringify(options))}`;
