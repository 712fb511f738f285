import { fieldOf, jsonPath } from "../core/schemas/input-issues.ts";

/** A locator for JSON records: `$.invoices[3].lines[0].quantity`, prefixed by the line for JSON Lines. */
export function jsonLocator(prefix: string, line: number | undefined) {
  return (path: readonly PropertyKey[]) => {
    const field = fieldOf(path);
    const at = line === undefined ? jsonPath(prefix, path) : `${line} ${jsonPath(prefix, path)}`;
    return { at, ...(field !== undefined ? { field } : {}) };
  };
}
