import type { MlsType } from "./sbdh-header.ts";
import { serviceProviderParticipant } from "./service-provider-id.ts";

/** One issue of a negative MLS: where (an XPath, or "NA"), what, and its class (SV, BV, BW, FD). */
export interface MlsIssue {
  readonly lineId: string;
  readonly description: string;
  readonly reasonCode: "SV" | "BV" | "BW" | "FD";
}

/** What the receiving access point knows about a received business document when it decides on an MLS. */
export interface MlsCase {
  /** `invoice` and `credit-note` are answered; status messages never are (no MLS answers an MLS or a response). */
  readonly kind: string;
  readonly validation: {
    readonly status: "valid" | "invalid" | "not-validated";
    readonly findings: readonly { readonly rule: string; readonly message: string }[];
  };
  /** SBDH MLS_TYPE; absent means FAILURE_ONLY. */
  readonly mlsType?: MlsType;
  /** SBDH MLS_TO participant value, when the sender named where the MLS goes. */
  readonly mlsTo?: string;
  /** Seat id of the access point that sent the document (its certificate CN). */
  readonly senderAccessPoint: string;
}

/** The MLS to send, or why none is sent. */
export type MlsDecision =
  | {
      readonly kind: "send";
      readonly responseCode: "AP" | "RE";
      readonly receiver: string;
      readonly description?: string;
      readonly issues: readonly MlsIssue[];
    }
  | { readonly kind: "none"; readonly reason: string };

/**
 * Whether and what Message Level Status (eDEC MLS 1.0) answers a received document. Only invoices and credit notes
 * are answered here: a status message is never answered with an MLS. A document that failed validation gets a
 * negative MLS (RE) with each fatal finding as an issue, whatever MLS_TYPE says; a valid one gets a positive MLS (AP)
 * only when the sender asked for it with MLS_TYPE ALWAYS_SEND (absent means FAILURE_ONLY). The MLS goes to the
 * MLS_TO participant when given, else to the sending service provider's own id (0242 and its seat number).
 */
export function decideMls(input: MlsCase): MlsDecision {
  if (input.kind !== "invoice" && input.kind !== "credit-note")
    return { kind: "none", reason: `a ${input.kind} is not answered with an MLS` };
  const negative = input.validation.status === "invalid";
  if (!negative && input.mlsType !== "ALWAYS_SEND")
    return { kind: "none", reason: "valid, and the sender asked for failures only" };
  const receiver = input.mlsTo ?? serviceProviderParticipant(input.senderAccessPoint);
  if (receiver === undefined)
    return {
      kind: "none",
      reason: `no MLS_TO and the seat id ${input.senderAccessPoint} names no service provider id`,
    };
  if (!negative) return { kind: "send", responseCode: "AP", receiver, issues: [] };
  const issues = input.validation.findings.map(
    (finding): MlsIssue => ({
      lineId: "NA",
      description: `[${finding.rule}] ${finding.message}`,
      reasonCode: finding.rule === "XML" ? "SV" : "BV",
    }),
  );
  return {
    kind: "send",
    responseCode: "RE",
    receiver,
    description: "Rejected due to validation errors",
    issues:
      issues.length > 0
        ? issues
        : [{ lineId: "NA", description: "the document failed validation", reasonCode: "BV" }],
  };
}
