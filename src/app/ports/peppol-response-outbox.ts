import type { JsonObject } from "../../core/audit/json-value.ts";
import type {
  OutgoingResponse,
  OutgoingResponseRequest,
  OutgoingResponseState,
} from "../../core/peppol/outgoing-response.ts";
import type { JobWriter } from "./job-queue.ts";
import type { ArchivedObject } from "./message-archive.ts";

/** What facteur keeps of a received invoice or credit note so that it can answer it with an Invoice Response. */
export interface ReceivedInvoice {
  /** The inbox message (ebMS MessageId) that carried it. */
  readonly messageId: string;
  readonly invoiceNumber: string;
  readonly issueDate: string;
  /** UNCL 1001: 380 invoice, 381 credit note, and the other types BIS allows. */
  readonly typeCode: string;
  /** Seller (who sent it) and buyer (to whom): participant ids and legal names. */
  readonly seller: { readonly participant: string; readonly name: string };
  readonly buyer: { readonly participant: string; readonly name: string };
}

/** The fields an attempt changes on an outgoing response. */
export interface OutgoingResponseChange {
  readonly state?: OutgoingResponseState;
  readonly attempts?: number;
  readonly firstAttemptAt?: Date;
  readonly request?: OutgoingResponseRequest;
  readonly receiptSha256?: string;
  readonly outcome?: JsonObject;
  readonly at: Date;
}

/** Writes of the response outbox inside one transaction, with the jobs that carry them. */
export interface PeppolResponseUnit extends JobWriter {
  /** Keeps the facts of a received invoice (once per inbox message). */
  recordReceivedInvoice(invoice: ReceivedInvoice): Promise<void>;
  /** Writes the response unless one with its key exists; true when written. */
  createResponse(response: OutgoingResponse): Promise<boolean>;
  changeResponse(id: string, change: OutgoingResponseChange): Promise<void>;
  /** Indexes an archived object (payload, request, receipt) with its retention date. */
  indexArchived(object: ArchivedObject, retainUntil: string, at: Date): Promise<void>;
}

/** Outgoing Peppol status messages (MLS, Invoice Response): what was answered, to whom, and how it went. */
export interface PeppolResponseOutbox {
  transaction<T>(work: (unit: PeppolResponseUnit) => Promise<T>): Promise<T>;
  getResponse(id: string): Promise<OutgoingResponse | undefined>;
  /** Every response answering these inbox messages, oldest first. */
  responsesTo(inboxMessageIds: readonly string[]): Promise<OutgoingResponse[]>;
  /** A received invoice by its inbox MessageId, or by its invoice number (the latest received with that number). */
  receivedInvoice(reference: string): Promise<ReceivedInvoice | undefined>;
}
