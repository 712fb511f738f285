import { hash } from "node:crypto";

/**
 * The SHA-256 (hex) of an invoice's stored content text: a re-import compares it to tell unchanged from conflicting.
 */
export function contentSha256(text: string): string {
  return hash("sha256", text, "hex");
}
