import type { JsonObject } from "../../core/audit/json-value.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { Recipient } from "../../core/customer/recipient.ts";
import type {
  Delivery,
  DeliveryAddress,
  DeliveryEventRecord,
  DeliveryRole,
  PeppolTarget,
  RelayReply,
} from "../../core/delivery/delivery.ts";
import type { DeliveryEvent, DeliveryState } from "../../core/delivery/delivery-state.ts";
import type { ChannelDecisionToRecord } from "./channel-decision-log.ts";
import type { CustomerReader } from "./customer-store.ts";
import type { InvoiceReader, InvoiceSummary } from "./invoice-store.ts";
import type { JobQueue, JobWriter } from "./job-queue.ts";
import type { ArchivedObject } from "./message-archive.ts";

/** A delivery to create, with its first event (`queue`). */
export interface DeliveryToCreate {
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly role: DeliveryRole;
  readonly round: number;
  /** `main`, or the copy recipient's id: unique per invoice and round. */
  readonly target: string;
  readonly messageId: string;
  readonly recipients: readonly DeliveryAddress[];
  /** Over Peppol to this participant (then `recipients` is empty); e-mail when absent. */
  readonly peppol?: PeppolTarget;
  /** An e-mail that accompanies the Peppol invoice: marked as not the legal invoice. */
  readonly courtesyCopy?: true;
}

/** A transition of one delivery, written with its event; `set` lists the fields it changes besides the state. */
export interface DeliveryChange {
  readonly deliveryId: string;
  readonly event: DeliveryEvent;
  /** The state the caller saw: the change is refused if the delivery moved meanwhile. */
  readonly from: DeliveryState;
  readonly to: DeliveryState;
  readonly at: Date;
  readonly actor: string;
  readonly evidence: JsonObject;
  readonly set?: {
    readonly attempts?: number;
    readonly firstAttemptAt?: Date;
    readonly nextAttemptAt?: Date | null;
    readonly archive?: {
      readonly object: ArchivedObject;
      readonly envelopeFrom: string;
      /** Peppol: the AS4 request's MIME content type. */
      readonly contentType?: string;
    };
    readonly lastReply?: RelayReply | null;
    readonly acceptedAt?: Date;
  };
}

/** Which deliveries to list, newest first. */
export interface DeliveryQuery {
  readonly invoiceNumber?: string;
  readonly customerNumber?: string;
  readonly state?: DeliveryState;
  /** Continue after this delivery id: the `next` of the previous page. */
  readonly after?: string;
  /** 1 to 1000; 100 when absent. */
  readonly limit?: number;
}

/** One page of deliveries; `next` is null on the last page. */
export interface DeliveryPage {
  readonly deliveries: readonly Delivery[];
  readonly next: string | null;
}

/** Which archived messages to export: archived within [from, to] (YYYY-MM-DD, inclusive), optionally one customer. */
export interface ArchivedQuery {
  readonly from: string;
  readonly to: string;
  readonly customerNumber?: string;
}

/** An archive object as indexed in the database. */
export interface ArchiveIndexEntry extends ArchivedObject {
  readonly storedAt: Date;
  /** YYYY-MM-DD. */
  readonly retainUntil: string;
}

/** Reads deliveries and their timelines, and what a worker needs to compose a message. */
export interface DeliveryReader
  extends Pick<InvoiceReader, "getInvoice">,
    Pick<CustomerReader, "getCustomer"> {
  getDelivery(id: string): Promise<Delivery | null>;
  /** Every delivery of the invoice with this number, all rounds, oldest first. */
  deliveriesOfInvoice(invoiceNumber: string): Promise<readonly Delivery[]>;
  listDeliveries(query: DeliveryQuery): Promise<DeliveryPage>;
  /** The delivery's events in the order they were appended. */
  timeline(deliveryId: string): Promise<readonly DeliveryEventRecord[]>;
  /** Numbers of issued invoices with no delivery at all, in number order, a page at a time. */
  unsentInvoices(query: {
    readonly customerNumber?: string;
    readonly from?: string;
    readonly to?: string;
    readonly after?: string;
    readonly limit: number;
  }): Promise<readonly string[]>;
  /** Archived deliveries in archive order, streamed. */
  archivedDeliveries(query: ArchivedQuery): AsyncIterable<Delivery>;
  /** Every object the database says the archive holds, streamed in hash order. */
  archiveIndex(): AsyncIterable<ArchiveIndexEntry>;
}

/** Reads and writes inside one transaction: deliveries, their events and their jobs commit together. */
export interface DeliveryUnitOfWork extends DeliveryReader, JobWriter {
  /** Issued or draft invoices among `numbers` (unknown numbers are absent), without their content. */
  invoicesByNumber(numbers: readonly string[]): Promise<readonly InvoiceSummary[]>;
  customersByNumber(numbers: readonly string[]): Promise<ReadonlyMap<string, Customer>>;
  /** Every recipient of these customers, grouped by customer number. */
  recipientsOf(customerNumbers: readonly string[]): Promise<ReadonlyMap<string, readonly Recipient[]>>;
  /** The highest round of each invoice that has deliveries, by invoice id. */
  latestRounds(invoiceIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /**
   * Writes the deliveries whose (invoice, round, target) is new, each with its `queue` event by `actor`, and returns
   * the ids written: a concurrent send of the same round writes nothing twice.
   */
  createDeliveries(
    deliveries: readonly DeliveryToCreate[],
    at: Date,
    actor: string,
  ): Promise<ReadonlySet<string>>;
  /** Applies `change` and appends its event. Throws AppError `conflict` when the delivery is not in `change.from`. */
  changeDelivery(change: DeliveryChange): Promise<void>;
  /** Indexes an archived object with its retention date; storing the same object again keeps the later date. */
  indexArchived(object: ArchivedObject, retainUntil: string, at: Date): Promise<void>;
  /** Appends channel decisions, so that a decision and the deliveries it led to commit together. */
  recordChannelDecisions(decisions: readonly ChannelDecisionToRecord[]): Promise<void>;
}

/** Deliveries, their jobs and the archive index: reads, claims, and writes through a unit of work. */
export interface DeliveryStore extends DeliveryReader, JobQueue {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (unit: DeliveryUnitOfWork) => Promise<T>): Promise<T>;
}
