import type { z } from "zod";
import type { InputIssue } from "../errors/app-error.ts";

/** Renders a zod path as a JSON path: `$.lines[2].quantity`. */
export function jsonPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Converts a zod error into input issues naming the source, the JSON path and the field. `input` is the value that
 * was parsed, so a missing field reads "is required" rather than zod's generic type message.
 */
export function inputIssues(error: z.ZodError, source: string, prefix: string, input: unknown): InputIssue[] {
  return error.issues.map((issue) => {
    const last = [...issue.path].reverse().find((k) => typeof k === "string");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown field(s): ${issue.keys.join(", ")}`
        : (issue.code === "invalid_type" || issue.code === "invalid_union") &&
            valueAt(input, issue.path) === undefined
          ? "is required"
          : issue.message;
    return {
      source,
      at: jsonPath(prefix, issue.path),
      ...(last !== undefined ? { field: String(last) } : {}),
      message,
    };
  });
}
