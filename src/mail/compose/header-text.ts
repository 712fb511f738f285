/**
 * Rules for text that ends up in a header. Display names and subjects come from customer data, where a pasted
 * line break or a stray control character is a mistake far more often than an attack: they are cleaned, not
 * refused, so an invoice still goes out. Identifiers (invoice numbers, ids) are refused instead, see
 * {@link hasControlCharacter}.
 */

// \p{C}: control (CR, LF, NUL, DEL, C1), format (bidi overrides that spoof a name, zero-width characters),
// unassigned and private-use code points. \p{Zl}/\p{Zp}: Unicode line and paragraph separators.
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]+/gu;
const SPACES = /\s+/gu;

/** True when `text` holds a line break, a control or format character, or a line/paragraph separator. */
export function hasControlCharacter(text: string): boolean {
  return /[\p{C}\p{Zl}\p{Zp}]/u.test(text);
}

/**
 * Makes `text` safe for a one-line header value: every run of control, format or separator characters and of
 * white space becomes one space, then the result is trimmed and cut to `maxLength` code points.
 */
export function cleanHeaderText(text: string, maxLength = 200): string {
  const cleaned = text.normalize("NFC").replace(UNSAFE, " ").replace(SPACES, " ").trim();
  return Array.from(cleaned).slice(0, maxLength).join("").trim();
}
