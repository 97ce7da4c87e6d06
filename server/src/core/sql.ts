/** Escapes LIKE/ILIKE wildcards so user text matches literally ("100%" is not "100 and anything"). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
