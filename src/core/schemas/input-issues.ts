import type { z } from "zod";
import type { InputIssue } from "../errors/app-error.ts";

type ZodIssue = z.ZodError["issues"][number];

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

/** The last named field of a path (`quantity` in `lines[2].quantity`). */
export function fieldOf(path: readonly PropertyKey[]): string | undefined {
  const last = [...path].reverse().find((k) => typeof k === "string");
  return last === undefined ? undefined : String(last);
}

/**
 * A message for people: unknown fields are listed, and a missing field reads "is required" rather than zod's type
 * message. `input` is the value that was parsed.
 */
export function issueMessage(issue: ZodIssue, input: unknown): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  if (
    (issue.code === "invalid_type" || issue.code === "invalid_union") &&
    valueAt(input, issue.path) === undefined
  ) {
    return "is required";
  }
  return issue.message;
}

/** Converts a zod error into input issues naming the source, the JSON path and the field. */
export function inputIssues(error: z.ZodError, source: string, prefix: string, input: unknown): InputIssue[] {
  return error.issues.map((issue) => {
    const field = fieldOf(issue.path);
    return {
      source,
      at: jsonPath(prefix, issue.path),
      ...(field !== undefined ? { field } : {}),
      message: issueMessage(issue, input),
    };
  });
}
