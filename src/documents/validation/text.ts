/** XPath `normalize-space(x) != ''`: the element exists and holds more than whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

// Regular expressions as constants: a literal inside a function is a new RegExp object on every call.
const WHITESPACE = /\s/;
const WHITESPACES = /\s+/g;

/**
 * True when `value` holds a character of `\s`. A loop over the codes: codes and identifiers are short, and a regular
 * expression per value was a tenth of a validation. Only characters from U+00A0 on go to the expression.
 */
export function hasWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 32) {
      if (code === 32 || (code >= 9 && code <= 13)) return true;
    } else if (code >= 160 && WHITESPACE.test(value.charAt(i))) return true;
  }
  return false;
}

/** XPath `normalize-space(x)` of a possibly absent element: absent reads as the empty string. */
export function normalized(value: string | undefined): string {
  if (value === undefined) return "";
  // Most values hold no whitespace at all; only those need the regular expressions.
  return hasWhitespace(value) ? value.trim().replace(WHITESPACES, " ") : value;
}

/** XPath `exists(x)` for an element the model carries as an optional value. */
export function exists(value: unknown): boolean {
  return value !== undefined;
}
