/** Languages in which facteur writes to customers. */
export const LANGUAGES = ["fr", "nl", "de", "en"] as const;

/** A language facteur writes in. */
export type Language = (typeof LANGUAGES)[number];

/** True when `value` is one of {@link LANGUAGES}. */
export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
