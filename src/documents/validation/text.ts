/** XPath `normalize-space(x) != ''`: the element exists and holds more than whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** XPath `normalize-space(x)` of a possibly absent element: absent reads as the empty string. */
export function normalized(value: string | undefined): string {
  if (value === undefined) return "";
  // Most values hold no whitespace at all; only those need the regular expression.
  return /\s/.test(value) ? value.trim().replace(/\s+/g, " ") : value;
}

/** XPath `exists(x)` for an element the model carries as an optional value. */
export function exists(value: unknown): boolean {
  return value !== undefined;
}
