import type { X509Certificate } from "node:crypto";
import type { ChainOptions } from "../pki/verify-certificate-chain.ts";
import { verifyCertificateChain } from "../pki/verify-certificate-chain.ts";
import type { XmlSignatureCheck } from "../xmldsig/verify-xml-signature.ts";

/** `open`: could not be decided from this file alone (an encrypted payload); `info`: a fact, not a verdict. */
export type CheckOutcome = "pass" | "fail" | "open" | "info";

/** One line of a verification report. */
export interface FileCheck {
  readonly name: string;
  readonly outcome: CheckOutcome;
  readonly detail: string;
}

/** What `peppol verify` found in one file. */
export interface PeppolFileReport {
  readonly kind:
    | "as4-message"
    | "smp-service-metadata"
    | "smp-service-group"
    | "sbdh"
    | "status-message"
    | "unknown";
  /** True when no check failed (open checks do not fail a file). */
  readonly valid: boolean;
  readonly checks: readonly FileCheck[];
}

/** Trust settings of a verification; without anchors the chain check is reported as not done. */
export interface TrustOptions {
  readonly trustAnchors: readonly X509Certificate[];
  readonly at: Date;
}

/** Builds a report; `valid` follows from the checks. */
export function report(kind: PeppolFileReport["kind"], checks: readonly FileCheck[]): PeppolFileReport {
  return { kind, valid: !checks.some((c) => c.outcome === "fail"), checks };
}

/** The checks of one XML signature: overall, each reference, and the signer's chain. */
export function signatureChecks(check: XmlSignatureCheck, trust: TrustOptions): FileCheck[] {
  const outcome = check.status === "valid" ? "pass" : check.status === "incomplete" ? "open" : "fail";
  const signer = check.certificate?.subject.replace(/\n/g, ", ") ?? "unknown signer";
  const detail =
    check.problems.length > 0 ? check.problems.join("; ") : `${check.signatureAlgorithm} by ${signer}`;
  const checks: FileCheck[] = [{ name: "signature", outcome, detail }];
  for (const reference of check.references) {
    const referenceOutcome =
      reference.status === "valid" ? "pass" : reference.status === "unresolved" ? "open" : "fail";
    checks.push({
      name: `reference ${reference.uri || '""'}`,
      outcome: referenceOutcome,
      detail: reference.message ?? `${reference.status} (${reference.element?.localName ?? "attachment"})`,
    });
  }
  checks.push(chainCheck(check.certificate, trust));
  return checks;
}

function chainCheck(certificate: X509Certificate | undefined, trust: TrustOptions): FileCheck {
  if (!certificate) return { name: "certificate chain", outcome: "fail", detail: "no signing certificate" };
  if (trust.trustAnchors.length === 0)
    return { name: "certificate chain", outcome: "info", detail: "not checked: no trusted CA given" };
  const options: ChainOptions = { trustAnchors: trust.trustAnchors, at: trust.at };
  const chain = verifyCertificateChain(certificate, options);
  if (!chain.ok) return { name: "certificate chain", outcome: "fail", detail: chain.message };
  const names = chain.chain.map((c) => /CN=([^\n]+)/.exec(c.subject)?.[1] ?? c.subject).join(" <- ");
  return {
    name: "certificate chain",
    outcome: "pass",
    detail: `${names}, valid at ${trust.at.toISOString()}`,
  };
}
