/** XPath `normalize-space(x) != ''`: the element exists and holds more than whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** XPath `normalize-space(x)` of a possibly absent element: absent reads as the empty string. */
export function normalized(value: string | undefined): string {
  return value === undefined ? "" : value.trim().replace(/\s+/g, " ");
}

/** XPath `exists(x)` for an element the model carries as an optional value. */
export function exists(value: unknown): boolean {
  return value !== undefined;
}
