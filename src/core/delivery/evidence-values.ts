import type { JsonObject } from "../audit/json-value.ts";

/** An evidence value as text: a string as is, a number in decimal, anything else empty. */
export function evidenceText(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** An evidence value as an object, or an empty one when it is not an object. */
export function evidenceObject(value: unknown): JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};
}
