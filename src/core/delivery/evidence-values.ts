import type { JsonObject } from "../audit/json-value.ts";

/**
 * Readers of loosely typed JSON: the evidence on delivery events, and notices parsed from JSON (Amazon SES). One set
 * of readers, so that every place reads a missing or mistyped value the same way.
 */

/** A value as text: a string as is, a number in decimal, anything else empty. */
export function evidenceText(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** True when `value` is a JSON object (not null, not an array). */
export function isEvidenceObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A value as an object, or an empty one when it is not an object. */
export function evidenceObject(value: unknown): JsonObject {
  return isEvidenceObject(value) ? value : {};
}

/**
 * The relay's answer kept in an event's evidence (`reply: { code, enhanced, text }`) as one line of its parts that
 * are present, else the `error` kept instead (a connection that failed before any reply).
 */
export function evidenceReplyText(evidence: JsonObject): string {
  if (!isEvidenceObject(evidence.reply)) return evidenceText(evidence.error);
  const { code, enhanced, text } = evidence.reply;
  return [evidenceText(code), evidenceText(enhanced), evidenceText(text)].filter((s) => s !== "").join(" ");
}
