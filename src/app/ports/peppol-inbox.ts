import type { PeppolResponseIssue, ResponseStatus } from "../../core/peppol/peppol-response.ts";
import type { ArchivedObject } from "./message-archive.ts";

/** What a received business document is, for the inbox: an invoice to validate, a status message, or other. */
export type ReceivedDocumentKind = "invoice" | "credit-note" | "status-response" | "other";

/** The EN 16931 verdict on a received invoice or credit note; other documents are not validated. */
export interface ReceivedValidation {
  readonly status: "valid" | "invalid" | "not-validated";
  readonly fatal: number;
  readonly warnings: number;
  /** The first fatal findings (rule and message), kept short for listing. */
  readonly findings: readonly { readonly rule: string; readonly message: string }[];
}

/** A received Peppol message as the inbox keeps it. */
export interface ReceivedPeppolMessage {
  /** The ebMS MessageId: a retry of the same message has the same one. */
  readonly messageId: string;
  /** The SBDH InstanceIdentifier: two different messages must not share one. */
  readonly instanceId: string;
  /** C1 and C4 participant ids (`ICD:value`). */
  readonly sender: string;
  readonly receiver: string;
  readonly documentType: string;
  readonly process: string;
  /** The sending access point's seat id (its certificate's CN). */
  readonly senderAccessPoint: string;
  readonly kind: ReceivedDocumentKind;
  /** SHA-256 of the SBDH document (decompressed) in the message archive. */
  readonly documentSha256: string;
  /** SHA-256 of the signed receipt answered, in the message archive: a duplicate gets the same bytes again. */
  readonly receiptSha256: string;
  readonly receivedAt: Date;
  readonly validation: ReceivedValidation;
  /**
   * The AS4 request as it arrived, kept as evidence: the SHA-256 of the HTTP body in the message archive and its
   * Content-Type. Absent on messages received before it was kept.
   */
  readonly request?: { readonly sha256: string; readonly contentType: string };
}

/** A status message (MLS, MLR, Invoice Response) received, with what it answers. */
export interface ReceivedPeppolResponse {
  /** The ebMS MessageId of the message that carried it. */
  readonly messageId: string;
  readonly kind: "mls" | "mlr" | "invoice-response";
  readonly responseId: string;
  readonly status: ResponseStatus;
  readonly responseCode: string;
  /** MLS/MLR: the SBDH InstanceIdentifier of our message; Invoice Response: the invoice number. */
  readonly reference: string;
  readonly description: string | undefined;
  readonly receivedAt: Date;
  /**
   * The response's own IssueDate and IssueTime as written: the buyer's status is the latest Invoice Response by these
   * (then by receipt). Optional: without them the receipt instant orders the responses.
   */
  readonly issueDate?: string;
  readonly issueTime?: string;
  /** MLS/MLR line issues and Invoice Response status reasons, shown in the proof and in a query's reason. */
  readonly issues?: readonly PeppolResponseIssue[];
}

/** What recording a received message found: new, or a duplicate by MessageId or by SBDH instance id. */
export type InboxRecordOutcome =
  | { readonly kind: "recorded" }
  | { readonly kind: "duplicate-message"; readonly existing: ReceivedPeppolMessage }
  | { readonly kind: "duplicate-instance"; readonly existing: ReceivedPeppolMessage };

/** The archived files of a received message (document, receipt, request), indexed with the date they are kept until. */
export interface ArchiveRetention {
  readonly objects: readonly ArchivedObject[];
  /** YYYY-MM-DD. */
  readonly retainUntil: string;
}

/** The received Peppol messages and status responses: the store the AS4 receiver writes. */
export interface PeppolInbox {
  byMessageId(messageId: string): Promise<ReceivedPeppolMessage | undefined>;
  /**
   * Records a message (and the status response it carries, if any) at once; a message whose MessageId or SBDH
   * instance id is already recorded is not stored again and the existing one is returned. In the same transaction a
   * response is linked to what it answers (an MLS/MLR to our Peppol delivery whose id is its reference; an Invoice
   * Response to the invoice whose number is its reference, only when the message's sender is the participant our
   * Peppol delivery of that invoice went to), an Invoice Response "under query" opens a customer query, and the
   * message's archived files are indexed with their retention date (`retention`).
   */
  record(
    message: ReceivedPeppolMessage,
    response?: ReceivedPeppolResponse,
    retention?: ArchiveRetention,
  ): Promise<InboxRecordOutcome>;
  /** Messages newest first; `before` is the receivedAt/MessageId cursor of the previous page. */
  list(query: { readonly limit: number; readonly before?: string }): Promise<{
    readonly messages: ReceivedPeppolMessage[];
    readonly next: string | null;
  }>;
  /** Status responses answering `reference` (an SBDH instance id or an invoice number), oldest first. */
  responsesFor(reference: string): Promise<ReceivedPeppolResponse[]>;
}
