import type { PeppolIdentifier } from "./peppol-identifiers.ts";

/** Which Peppol status message: Message Level Status (eDEC MLS 1.0), Message Level Response, Invoice Response. */
export type PeppolResponseKind = "mls" | "mlr" | "invoice-response";

/** CustomizationID of each kind. */
export const RESPONSE_CUSTOMIZATIONS: ReadonlyMap<string, PeppolResponseKind> = new Map([
  ["urn:peppol:edec:mls:1.0", "mls"],
  ["urn:fdc:peppol.eu:poacc:trns:mlr:3", "mlr"],
  ["urn:fdc:peppol.eu:poacc:trns:invoice_response:3", "invoice-response"],
]);

/** What a response code means for the invoice or the message it answers. */
export type ResponseStatus =
  | "acknowledged"
  | "in-process"
  | "under-query"
  | "conditionally-accepted"
  | "rejected"
  | "accepted"
  | "paid";

/** UNCL 4343 codes as Peppol uses them, and their meaning. */
export const RESPONSE_CODES: ReadonlyMap<string, ResponseStatus> = new Map([
  ["AB", "acknowledged"],
  ["IP", "in-process"],
  ["UQ", "under-query"],
  ["CA", "conditionally-accepted"],
  ["RE", "rejected"],
  ["AP", "accepted"],
  ["PD", "paid"],
]);

/** The codes each kind may carry: MLS and MLR answer the message (AB, AP, RE); T111 answers the invoice. */
export const CODES_BY_KIND: Readonly<Record<PeppolResponseKind, readonly string[]>> = {
  mls: ["AB", "AP", "RE"],
  mlr: ["AB", "AP", "RE"],
  "invoice-response": ["AB", "IP", "UQ", "CA", "RE", "AP", "PD"],
};

/** One issue or status reason: an MLS/MLR line response, or an Invoice Response status with its conditions. */
export interface PeppolResponseIssue {
  /** MLS/MLR: the location in the answered message (an XPath, or "NA"). */
  readonly lineId?: string;
  readonly responseCode?: string;
  /** MLS/MLR: SV, BV, BW, FD; Invoice Response: a reason (OPStatusReason) or an action (OPStatusAction) code. */
  readonly reasonCode?: string;
  readonly reasonListId?: string;
  readonly description?: string;
  readonly conditions: readonly { readonly attributeId: string; readonly description?: string }[];
}

/** A Peppol status message, read. */
export interface PeppolResponse {
  readonly kind: PeppolResponseKind;
  readonly id: string;
  readonly issueDate: string;
  readonly issueTime?: string;
  /** EndpointID of the sending party: EAS scheme (0242 for service providers) and value. */
  readonly sender: PeppolIdentifier;
  readonly receiver: PeppolIdentifier;
  readonly responseCode: string;
  readonly status: ResponseStatus;
  readonly description?: string;
  readonly effectiveDate?: string;
  /** The answered document: an SBDH InstanceIdentifier (MLS), an envelope id (MLR) or the invoice number (T111). */
  readonly documentReference: {
    readonly id: string;
    readonly issueDate?: string;
    readonly typeCode?: string;
  };
  readonly issues: readonly PeppolResponseIssue[];
  readonly note?: string;
}
