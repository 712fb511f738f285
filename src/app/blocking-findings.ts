import type { Channel } from "../core/customer/customer.ts";
import type { DocumentFinding } from "./ports/document-validator.ts";

/**
 * The findings that stop an invoice from being issued: every fatal EN 16931 finding, and the fatal Peppol BIS
 * findings when the invoice goes over Peppol. The Peppol rules are the network's rules: a consumer who receives the
 * invoice by e-mail has no Peppol electronic address, and that must not block the invoice.
 */
export function blockingFindings(
  findings: readonly DocumentFinding[],
  channel: Channel,
): readonly DocumentFinding[] {
  // Most documents have no finding: no new empty list for them.
  if (findings.length === 0) return findings;
  return findings.filter(
    (f) => f.severity === "fatal" && (channel === "peppol" || !f.rule.startsWith("PEPPOL-")),
  );
}
