/** XPath `normalize-space(x) != ''`: the element exists and holds more than whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

// Regular expressions as constants: a literal inside a function is a new RegExp object on every call.
const WHITESPACE = /\s/;
const WHITESPACES = /\s+/g;

/** XPath `normalize-space(x)` of a possibly absent element: absent reads as the empty string. */
export function normalized(value: string | undefined): string {
  if (value === undefined) return "";
  // Most values hold no whitespace at all; only those need the regular expression.
  return WHITESPACE.test(value) ? value.trim().replace(WHITESPACES, " ") : value;
}

/** XPath `exists(x)` for an element the model carries as an optional value. */
export function exists(value: unknown): boolean {
  return value !== undefined;
}
