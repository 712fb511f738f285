import type { JsonObject } from "../../core/audit/json-value.ts";
import type { Recipient } from "../../core/customer/recipient.ts";
import type { NoticeKind } from "../../core/delivery/bounce-notice.ts";
import type { Delivery, DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import type { ChannelDecisionToRecord } from "./channel-decision-log.ts";
import type { CustomerReader, CustomerUnitOfWork } from "./customer-store.ts";
import type { DeliveryChange, DeliveryToCreate } from "./delivery-store.ts";
import type { InvoiceReader } from "./invoice-store.ts";
import type { JobToEnqueue } from "./job-queue.ts";
import type { ArchivedObject } from "./message-archive.ts";

/** Where a received message came from. */
export type InboundSourceKind = "imap" | "smtp" | "file";

/** What was done with a received message. */
export const INBOUND_OUTCOMES = ["processed", "unmatched", "quarantined"] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** A received message as first recorded, before anything is done with it. */
export interface InboundToRecord {
  readonly id: string;
  readonly sha256: string;
  readonly source: InboundSourceKind;
  /** `imap:<mailbox>:<uidvalidity>:<uid>`, the SMTP session, the file name. */
  readonly sourceRef: string | null;
  /** The notice's own Message-ID (angle brackets), or null. */
  readonly messageId: string | null;
  readonly size: number;
  readonly truncated: boolean;
  readonly receivedAt: Date;
  readonly kind: NoticeKind;
  readonly format: string;
}

/** What was done with it, recorded in the same transaction as its effects. */
export interface InboundConclusion {
  readonly outcome: InboundOutcome;
  readonly matchedBy: "verp" | "message-id" | null;
  readonly deliveryId: string | null;
  /** The results as read, what each did, or why nothing was done. */
  readonly detail: JsonObject;
}

/** A received message, recorded once. */
export interface InboundRecord extends InboundToRecord, InboundConclusion {}

/** A delivery event that reports a failure, with its delivery. */
export interface FailureEvent {
  readonly delivery: Delivery;
  readonly event: DeliveryEventRecord;
}

/** Reads what the bounce use-cases need outside a transaction. */
export interface BounceReaderStore
  extends Pick<InvoiceReader, "getInvoice">,
    Pick<CustomerReader, "getCustomer" | "listRecipients"> {
  getDelivery(id: string): Promise<Delivery | null>;
  /** Whether a delivery with this id exists (one indexed lookup: what matching needs). */
  hasDelivery(id: string): Promise<boolean>;
  /** The id of the delivery whose Message-ID (without angle brackets) this is. */
  deliveryIdByMessageId(messageId: string): Promise<string | null>;
  deliveriesOfInvoice(invoiceNumber: string): Promise<readonly Delivery[]>;
  timeline(deliveryId: string): Promise<readonly DeliveryEventRecord[]>;
  inboundBySha256(sha256: string): Promise<InboundRecord | null>;
  inboundBySourceRef(sourceRef: string): Promise<InboundRecord | null>;
  /** Received messages, newest first, optionally of one outcome, received before `before`. */
  listInbound(query: {
    readonly outcome?: InboundOutcome;
    readonly before?: Date;
    readonly limit: number;
  }): Promise<readonly InboundRecord[]>;
  /** Received messages matched to these deliveries, oldest first. */
  inboundOfDeliveries(deliveryIds: readonly string[]): Promise<readonly InboundRecord[]>;
  /** Numbers of invoices with a main delivery failed, expired, bounced or parked, in number order, a page at a time. */
  invoicesWithFailures(query: {
    readonly after?: string;
    readonly limit: number;
  }): Promise<readonly string[]>;
  /** Numbers of issued invoices with no delivery whose customer prefers e-mail, in number order, a page at a time. */
  unsentEmailInvoices(query: { readonly after?: string; readonly limit: number }): Promise<readonly string[]>;
  /** Every recipient of these customers, grouped by customer number. */
  recipientsOf(customerNumbers: readonly string[]): Promise<ReadonlyMap<string, readonly Recipient[]>>;
  /** When each of these invoices was last put in a paper batch. */
  paperFallbacks(invoiceNumbers: readonly string[]): Promise<ReadonlyMap<string, Date>>;
  /** Events appended in [since, until) that report a failure (bounce, reject, expire, park, failure notes). */
  failureEvents(since: Date, until: Date): Promise<readonly FailureEvent[]>;
  /** Up to when the digest `name` last reported, or null. */
  digestMark(name: string): Promise<Date | null>;
}

/** Reads and writes inside one transaction: a notice's record, its delivery events, suspensions and jobs commit together. */
export interface BounceUnitOfWork extends CustomerUnitOfWork, Pick<InvoiceReader, "getInvoice"> {
  getDelivery(id: string): Promise<Delivery | null>;
  timeline(deliveryId: string): Promise<readonly DeliveryEventRecord[]>;
  /** Applies `change` and appends its event. Throws AppError `conflict` when the delivery is not in `change.from`. */
  changeDelivery(change: DeliveryChange): Promise<void>;
  /** The highest round of each invoice that has deliveries, by invoice id. */
  latestRounds(invoiceIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Writes the deliveries whose (invoice, round, target) is new, with their `queue` events; returns the ids written. */
  createDeliveries(
    deliveries: readonly DeliveryToCreate[],
    at: Date,
    actor: string,
  ): Promise<ReadonlySet<string>>;
  /** Writes the jobs whose key is new; returns the keys written. */
  enqueue(jobs: readonly JobToEnqueue[], at: Date): Promise<ReadonlySet<string>>;
  indexArchived(object: ArchivedObject, retainUntil: string, at: Date): Promise<void>;
  /** Records a received message; false (nothing written) when a message with the same bytes is recorded already. */
  claimInbound(record: InboundToRecord): Promise<boolean>;
  concludeInbound(id: string, conclusion: InboundConclusion): Promise<void>;
  recordPaperFallbacks(
    entries: readonly { readonly invoiceId: string; readonly invoiceNumber: string }[],
    batchSha256: string,
    at: Date,
    actor: string,
  ): Promise<void>;
  setDigestMark(name: string, until: Date): Promise<void>;
  /** Appends channel decisions (a resend decides the invoice's legal channel again). */
  recordChannelDecisions(decisions: readonly ChannelDecisionToRecord[]): Promise<void>;
}

/** Bounces, their deliveries and what follows from them. */
export interface BounceStore extends BounceReaderStore {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (unit: BounceUnitOfWork) => Promise<T>): Promise<T>;
}
