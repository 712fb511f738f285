import { hasWhitespace, normalized } from "../text.ts";

/**
 * A closed code list, built from the space-separated form the official schematron uses, so each list can be compared
 * with its source line by line.
 */
export type CodeList = ReadonlySet<string>;

/** Builds a code list from a whitespace-separated string of codes. */
export function codeList(codes: string): CodeList {
  return new Set(codes.trim().split(/\s+/));
}

/**
 * Schematron's code-list test `contains(' A B C ', concat(' ', normalize-space(.), ' '))` with no inner space:
 * the value, with surrounding whitespace removed and inner whitespace collapsed, must be one of the codes.
 */
export function inList(list: CodeList, value: string): boolean {
  // Most codes hold no whitespace: they are their own normalised form, without a space to look for.
  if (!hasWhitespace(value)) return list.has(value);
  const text = normalized(value);
  return !text.includes(" ") && list.has(text);
}
