import type { Language } from "../../core/language.ts";

/**
 * Formats an ISO date (YYYY-MM-DD) as people write it: 31/03/2026 in French, Dutch and English, 31.03.2026 in
 * German. Text that is not an ISO date is printed unchanged, so a received document's odd value stays visible.
 */
export function formatDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const separator = language === "de" ? "." : "/";
  return `${day}${separator}${month}${separator}${year}`;
}
