import type { Customer } from "../core/customer/customer.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import { planDeliveries } from "../core/delivery/plan-deliveries.ts";
import type { HoldReason } from "../core/peppol/channel-policy.ts";
import type { ChannelDecisionToRecord } from "./ports/channel-decision-log.ts";
import type { DeliveryStore, DeliveryToCreate, DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { InvoiceSummary } from "./ports/invoice-store.ts";
import type { JobToEnqueue } from "./ports/job-queue.ts";
import type { InvoiceRouter, RoutedInvoice } from "./route-invoice.ts";

/** Invoices decided and written per transaction: each invoice's deliveries and jobs commit together. */
const BATCH = 200;

/** The job kind that delivers one message. */
export const DELIVER_JOB = "deliver";

/** The job kind that delivers one invoice over Peppol (AS4 to the buyer's access point). */
export const PEPPOL_DELIVER_JOB = "peppol-deliver";

/**
 * The de-duplication key of the job that delivers one message: the same invoice, round and target never get a
 * second job.
 */
export function deliverJobKey(
  invoiceId: string,
  round: number,
  target: string,
  kind: typeof DELIVER_JOB | typeof PEPPOL_DELIVER_JOB = DELIVER_JOB,
): string {
  return `${kind}:${invoiceId}:${round}:${target}`;
}

export interface SendInvoicesDeps {
  readonly store: DeliveryStore;
  readonly now: () => Date;
  /** New delivery ids (uuid). */
  readonly newId: () => string;
  /** A new Message-ID without angle brackets, e.g. `<uuid>@billing.example.com`. */
  readonly newMessageId: () => string;
  /**
   * Decides the legal channel of each invoice of a batch (`routeInvoices` bound to the seller, Peppol discovery and
   * the own access point: distinct look-ups once each, a few at a time). Each decision is recorded with the
   * deliveries it leads to; an invoice the law sends over Peppol is held or left to the Peppol channel, never e-mailed.
   */
  readonly route: InvoiceRouter;
}

/** Which invoices to send: these numbers, or every issued invoice that has no delivery yet (optionally narrowed). */
export type SendSelection =
  | { readonly kind: "numbers"; readonly numbers: readonly string[] }
  | {
      readonly kind: "unsent";
      readonly customerNumber?: string;
      /** Issue date from (inclusive), YYYY-MM-DD. */
      readonly from?: string;
      readonly to?: string;
    };

export interface SendInvoicesOptions {
  readonly selection: SendSelection;
  /** Send again invoices that were sent before (a new round, new Message-IDs). Without it they are skipped. */
  readonly resend?: boolean;
  /** Who asks, recorded on each delivery's first event: `cli:alice`. */
  readonly actor: string;
  /** Called after each batch with the invoices handled so far. */
  readonly onProgress?: (handled: number) => void;
  /**
   * False when no mail relay is configured (a Peppol-only setup): nothing is queued for e-mail, since no worker could
   * submit it. An invoice that must be e-mailed is skipped (`no-mail-relay`); a Peppol invoice is queued without its
   * courtesy copy (listed in `withoutCourtesyCopy`). Default true.
   */
  readonly email?: boolean;
}

/** An invoice that was not queued, and why. */
export interface SendSkip {
  readonly invoice: string;
  readonly reason:
    | "not-found"
    | "not-issued"
    | "already-sent"
    | "no-usable-recipient"
    | "other-channel"
    | "no-mail-relay";
  readonly message: string;
}

/** An invoice held by its channel decision: it waits for Peppol (or for someone to decide). */
export interface SendHold {
  readonly invoice: string;
  readonly reason: HoldReason;
  readonly explanation: string;
}

/** What sending did. */
export interface SendReport {
  /** Invoices whose messages were queued. */
  readonly invoices: number;
  /** Messages queued: main messages plus copies. */
  readonly messages: number;
  readonly copies: number;
  /** Every invoice that was not queued, with its reason. */
  readonly skipped: readonly SendSkip[];
  /** Every invoice held by its channel decision, with the decision's reason. */
  readonly held: readonly SendHold[];
  /** Invoices queued over Peppol whose courtesy e-mail copy was left out: no mail relay is configured. */
  readonly withoutCourtesyCopy: readonly string[];
}

interface Tally {
  invoices: number;
  messages: number;
  copies: number;
  skipped: SendSkip[];
  held: SendHold[];
  withoutCourtesyCopy: string[];
}

/**
 * Queues invoices for delivery: for each invoice going by e-mail, one delivery per message (the main recipients, then
 * each copy recipient) with a `deliver` job; for each invoice whose channel decision is Peppol, one `main` delivery to
 * the buyer's participant id (no addresses) with a `peppol-deliver` job, plus, when the decision asks for a courtesy
 * copy, the e-mail messages marked as courtesy copies (not the legal invoice). Each gets a Message-ID minted now (over
 * Peppol, the AS4 MessageId), and the deliveries, jobs and decisions are written in the same transaction. Nothing is sent
 * here: workers do that. An invoice sent before is skipped unless `resend` asks for a new round, and a concurrent send
 * of the same round writes nothing twice (the job key and the delivery's (invoice, round, target) are unique).
 * Invoices that cannot go by e-mail are reported with their reason.
 */
export async function sendInvoices(
  deps: SendInvoicesDeps,
  options: SendInvoicesOptions,
): Promise<SendReport> {
  const tally: Tally = {
    invoices: 0,
    messages: 0,
    copies: 0,
    skipped: [],
    held: [],
    withoutCourtesyCopy: [],
  };
  let handled = 0;
  const run = async (numbers: readonly string[]) => {
    const batch = await readBatch(deps, numbers);
    const routes = await routeBatch(deps, options, batch);
    await deps.store.transaction((unit) => queueBatch(deps, options, unit, batch, tally, routes));
    handled += numbers.length;
    options.onProgress?.(handled);
  };
  const { selection } = options;
  if (selection.kind === "numbers") {
    const unique = [...new Set(selection.numbers)];
    for (let i = 0; i < unique.length; i += BATCH) await run(unique.slice(i, i + BATCH));
  } else {
    let after: string | undefined;
    for (;;) {
      const page = await deps.store.unsentInvoices({
        ...(selection.customerNumber === undefined ? {} : { customerNumber: selection.customerNumber }),
        ...(selection.from === undefined ? {} : { from: selection.from }),
        ...(selection.to === undefined ? {} : { to: selection.to }),
        ...(after === undefined ? {} : { after }),
        limit: BATCH,
      });
      if (page.length === 0) break;
      await run(page);
      after = page.at(-1);
    }
  }
  return tally;
}

/** What one batch reads: its invoices with their customers, recipients and latest rounds. */
interface Batch {
  readonly numbers: readonly string[];
  readonly invoices: readonly InvoiceSummary[];
  readonly customers: ReadonlyMap<string, Customer>;
  readonly recipients: ReadonlyMap<string, readonly Recipient[]>;
  readonly rounds: ReadonlyMap<string, number>;
}

/**
 * Reads a batch once, before routing it. A concurrent send of the same invoices is still written once: the job key
 * and the delivery's (invoice, round, target) are unique, so the later transaction finds its deliveries taken.
 */
function readBatch(deps: SendInvoicesDeps, numbers: readonly string[]): Promise<Batch> {
  return deps.store.transaction(async (unit) => {
    const invoices = await unit.invoicesByNumber(numbers);
    const customerNumbers = [...new Set(invoices.map((i) => i.customerNumber))];
    const customers = await unit.customersByNumber(customerNumbers);
    const recipients = await unit.recipientsOf(customerNumbers);
    const rounds = await unit.latestRounds(invoices.map((i) => i.id));
    return { numbers, invoices, customers, recipients, rounds };
  });
}

/**
 * Routes the issued invoices of a batch that are due to be sent. The look-ups run outside any transaction (they may
 * wait on DNS and an SMP); the decisions are recorded later, in the transaction that queues the deliveries.
 */
async function routeBatch(
  deps: SendInvoicesDeps,
  options: SendInvoicesOptions,
  batch: Batch,
): Promise<ReadonlyMap<string, RoutedInvoice>> {
  const due = batch.invoices.flatMap((invoice) => {
    const customer = batch.customers.get(invoice.customerNumber);
    const sent = batch.rounds.has(invoice.id) && options.resend !== true;
    return customer === undefined || invoice.status !== "issued" || sent ? [] : [{ invoice, customer }];
  });
  const routed = await deps.route(
    due.map(({ invoice, customer }) => ({ kind: invoice.kind, issueDate: invoice.issueDate, customer })),
  );
  return new Map(due.map(({ invoice }, i) => [invoice.id, routed[i] as RoutedInvoice]));
}

async function queueBatch(
  deps: SendInvoicesDeps,
  options: SendInvoicesOptions,
  unit: DeliveryUnitOfWork,
  batch: Batch,
  tally: Tally,
  routes: ReadonlyMap<string, RoutedInvoice>,
): Promise<void> {
  const at = deps.now();
  const { numbers, invoices, recipients, rounds } = batch;
  const found = new Set(invoices.map((i) => i.number));
  for (const number of numbers) {
    if (!found.has(number))
      tally.skipped.push({ invoice: number, reason: "not-found", message: "no such invoice" });
  }
  const planned: DeliveryToCreate[] = [];
  const decisions: ChannelDecisionToRecord[] = [];
  for (const invoice of invoices) {
    const number = invoice.number ?? invoice.id;
    const skip = (reason: SendSkip["reason"], message: string) =>
      tally.skipped.push({ invoice: number, reason, message });
    if (invoice.status !== "issued" || invoice.number === null) {
      skip("not-issued", "a draft is not sent; issue it first");
      continue;
    }
    const previous = rounds.get(invoice.id) ?? 0;
    if (previous > 0 && options.resend !== true) {
      skip("already-sent", "sent before; ask for a resend to send it again");
      continue;
    }
    const routed = routes.get(invoice.id);
    if (routed === undefined) {
      skip("no-usable-recipient", `no customer ${invoice.customerNumber}`);
      continue;
    }
    let courtesy = false;
    const { decision } = routed;
    decisions.push({
      id: deps.newId(),
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerNumber: invoice.customerNumber,
      decidedAt: at,
      actor: options.actor,
      ...routed,
    });
    if (decision.kind === "hold") {
      tally.held.push({ invoice: number, reason: decision.reason, explanation: decision.explanation });
      continue;
    }
    if (decision.channel === "peppol" && routed.participant !== null) {
      planned.push({
        id: deps.newId(),
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerNumber: invoice.customerNumber,
        role: "main",
        round: previous + 1,
        target: routed.participant,
        messageId: deps.newMessageId(),
        recipients: [],
        peppol: { participant: routed.participant },
      });
      // The legal invoice goes over Peppol; e-mail carries a courtesy copy only when the decision asks for one.
      if (decision.courtesyCopy === undefined) continue;
      courtesy = true;
    } else if (decision.channel !== "email") {
      skip("other-channel", `goes by ${decision.channel}: ${decision.explanation}`);
      continue;
    }
    if (options.email === false) {
      if (courtesy) tally.withoutCourtesyCopy.push(number);
      else skip("no-mail-relay", "goes by e-mail, and no mail relay is configured");
      continue;
    }
    const plan = planDeliveries(recipients.get(invoice.customerNumber) ?? []);
    if (!plan.ok) {
      // Without an address the courtesy copy is left out; the Peppol invoice is queued all the same.
      if (!courtesy) skip("no-usable-recipient", `customer ${invoice.customerNumber}: ${plan.error.message}`);
      continue;
    }
    for (const message of plan.value) {
      planned.push({
        id: deps.newId(),
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerNumber: invoice.customerNumber,
        role: message.role,
        round: previous + 1,
        target: message.target,
        messageId: deps.newMessageId(),
        recipients: message.recipients,
        ...(courtesy ? { courtesyCopy: true as const } : {}),
      });
    }
  }
  await unit.recordChannelDecisions(decisions);
  const created = await unit.createDeliveries(planned, at, options.actor);
  const jobs: JobToEnqueue[] = [];
  const queuedInvoices = new Set<string>();
  const raced = new Set<string>();
  for (const delivery of planned) {
    if (!created.has(delivery.id)) {
      raced.add(delivery.invoiceNumber);
      continue;
    }
    queuedInvoices.add(delivery.invoiceNumber);
    tally.messages++;
    if (delivery.role === "copy") tally.copies++;
    const kind = delivery.peppol === undefined ? DELIVER_JOB : PEPPOL_DELIVER_JOB;
    jobs.push({
      key: deliverJobKey(delivery.invoiceId, delivery.round, delivery.target, kind),
      kind,
      payload: { deliveryId: delivery.id },
      runAt: at,
    });
  }
  await unit.enqueue(jobs, at);
  tally.invoices += queuedInvoices.size;
  for (const number of raced) {
    if (!queuedInvoices.has(number)) {
      tally.skipped.push({
        invoice: number,
        reason: "already-sent",
        message: "queued meanwhile by another send",
      });
    }
  }
}
