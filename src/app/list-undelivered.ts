import type { Recipient, RecipientRole, RecipientStatus } from "../core/customer/recipient.ts";
import { sameAddress } from "../core/customer/same-address.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { type InvoiceDeliveryStatus, summarizeDeliveries } from "../core/delivery/delivery-summary.ts";
import { planDeliveries } from "../core/delivery/plan-deliveries.ts";
import { type UndeliveredReason, undeliveredReasonOf } from "../core/delivery/undelivered-reason.ts";
import { type ChannelParty, channelBuyer, peppolRequirement } from "../core/peppol/channel-policy.ts";
import type { BounceReaderStore } from "./ports/bounce-store.ts";

/**
 * What can be done about an undelivered invoice: correct an address, send to another recipient, print it (never for an
 * invoice the law sends over Peppol), or, for an invoice that went over Peppol, resend it (looked up again and sent
 * over Peppol, or held; never e-mailed).
 */
export type UndeliveredAction = "fix-address" | "other-recipient" | "resend" | "paper";

/** A recipient of the customer an invoice could go to instead. */
export interface AlternativeRecipient {
  readonly recipientId: string;
  readonly email: string;
  readonly role: RecipientRole;
  readonly status: RecipientStatus;
}

/** An invoice not known to be delivered, with why and what can be done. */
export interface UndeliveredInvoice {
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly customerName: string;
  /** The delivery summary's status, or `no-recipient` when nothing could be sent. */
  readonly status: InvoiceDeliveryStatus | "no-recipient";
  /** The latest round (0 when nothing was sent). */
  readonly round: number;
  /** One per failed main message of the latest round. */
  readonly reasons: readonly UndeliveredReason[];
  /** When it was last known to fail. */
  readonly since: Date | null;
  /** The customer's recipients other than the failed addresses, active first. */
  readonly alternatives: readonly AlternativeRecipient[];
  readonly actions: readonly UndeliveredAction[];
}

export interface UndeliveredPage {
  readonly invoices: readonly UndeliveredInvoice[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

export interface ListUndeliveredDeps {
  readonly store: BounceReaderStore;
  /** The seller as the channel policy sees it: paper is not offered for an invoice the law sends over Peppol. */
  readonly seller: ChannelParty;
}

const BATCH = 200;

function alternativesOf(recipients: readonly Recipient[], failed: readonly string[]): AlternativeRecipient[] {
  return recipients
    .filter((r) => r.status !== "removed" && !failed.some((f) => sameAddress(f, r.email)))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "active" ? -1 : 1))
    .map((r) => ({ recipientId: r.id, email: r.email, role: r.role, status: r.status }));
}

function actionsOf(
  reasons: readonly UndeliveredReason[],
  recipients: readonly Recipient[],
  alternatives: readonly AlternativeRecipient[],
  peppol: boolean,
  paper: boolean,
): UndeliveredAction[] {
  const actions: UndeliveredAction[] = [];
  // Addresses do not apply to an invoice that goes over Peppol: it is not e-mailed.
  if (peppol) actions.push("resend");
  else {
    if (reasons.some((r) => r.address !== null) || recipients.some((r) => r.status === "suspended"))
      actions.push("fix-address");
    if (alternatives.some((a) => a.status === "active")) actions.push("other-recipient");
  }
  if (paper) actions.push("paper");
  return actions;
}

async function judgeFailed(deps: ListUndeliveredDeps, number: string): Promise<UndeliveredInvoice | null> {
  const deliveries = await deps.store.deliveriesOfInvoice(number);
  const summary = summarizeDeliveries(deliveries);
  if (summary.mainRecipientHasIt !== "no") return null;
  if (summary.status !== "failed" && summary.status !== "needs-attention") return null;
  const latest = deliveries.filter((d) => d.role === "main" && d.round === summary.round);
  const reasons: UndeliveredReason[] = [];
  for (const delivery of latest) {
    const reason = undeliveredReasonOf(delivery, await deps.store.timeline(delivery.id));
    if (reason !== null) reasons.push(reason);
  }
  const since = reasons.reduce<Date | null>(
    (max, r) => (r.at !== null && (max === null || r.at > max) ? r.at : max),
    null,
  );
  const paper = (await deps.store.paperFallbacks([number])).get(number);
  const lastCreated = Math.max(0, ...latest.map((d: Delivery) => d.createdAt.getTime()));
  if (paper !== undefined && paper.getTime() >= lastCreated) return null;
  const first = latest[0] ?? deliveries[0];
  const invoice = await deps.store.getInvoice(number);
  if (first === undefined || invoice === null) return null;
  return entry(deps, {
    number,
    issueDate: invoice.content.issueDate,
    customerNumber: first.customerNumber,
    status: summary.status,
    round: summary.round,
    reasons,
    since,
    peppol: latest.some((d) => d.peppol !== undefined),
  });
}

async function judgeUnsent(deps: ListUndeliveredDeps, number: string): Promise<UndeliveredInvoice | null> {
  const invoice = await deps.store.getInvoice(number);
  if (invoice === null) return null;
  const recipients = await deps.store.listRecipients(invoice.customerNumber);
  const plan = planDeliveries(recipients);
  if (plan.ok) return null;
  if ((await deps.store.paperFallbacks([number])).has(number)) return null;
  const reason: UndeliveredReason = {
    code: "no-recipient",
    address: null,
    status: "",
    reason: "",
    text: `not sent: ${plan.error.message}`,
    at: null,
  };
  return entry(deps, {
    number,
    issueDate: invoice.content.issueDate,
    customerNumber: invoice.customerNumber,
    status: "no-recipient",
    round: 0,
    reasons: [reason],
    since: null,
    peppol: false,
  });
}

async function entry(
  deps: ListUndeliveredDeps,
  e: {
    readonly number: string;
    readonly issueDate: string;
    readonly customerNumber: string;
    readonly status: UndeliveredInvoice["status"];
    readonly round: number;
    readonly reasons: readonly UndeliveredReason[];
    readonly since: Date | null;
    /** The latest round went over Peppol. */
    readonly peppol: boolean;
  },
): Promise<UndeliveredInvoice> {
  const customer = await deps.store.getCustomer(e.customerNumber);
  const recipients = await deps.store.listRecipients(e.customerNumber);
  const failed = e.reasons.flatMap((r) => (r.address === null ? [] : [r.address]));
  const alternatives = alternativesOf(recipients, failed);
  const paper =
    customer === null ||
    !peppolRequirement({ seller: deps.seller, buyer: channelBuyer(customer), issueDate: e.issueDate })
      .required;
  return {
    invoiceNumber: e.number,
    customerNumber: e.customerNumber,
    customerName: customer?.legalName ?? "",
    status: e.status,
    round: e.round,
    reasons: e.reasons,
    since: e.since,
    alternatives,
    actions: actionsOf(e.reasons, recipients, alternatives, e.peppol, paper),
  };
}

/** A stream of invoice numbers in order, read a page at a time. */
function cursor(read: (after: string | undefined) => Promise<readonly string[]>, after: string | undefined) {
  let buffer: string[] = [];
  let last = after;
  let done = false;
  return {
    async peek(): Promise<string | undefined> {
      if (buffer.length === 0 && !done) {
        const page = await read(last);
        buffer = [...page];
        done = page.length < BATCH;
        last = page.at(-1) ?? last;
      }
      return buffer[0];
    },
    take(): void {
      buffer.shift();
    },
  };
}

/**
 * The undelivered queue: every invoice not known to be delivered, in number order, a page at a time. That is every
 * invoice whose latest main messages all failed, expired, bounced or are parked, with no main message of any round
 * accepted since, and every issued invoice for an e-mail customer that could not be sent for want of a usable
 * recipient. An invoice put in a paper batch after its last attempt leaves the queue. Each entry says why (quoting
 * the bounce or the relay), since when, which other recipients the customer has, and which actions apply.
 */
export async function listUndelivered(
  deps: ListUndeliveredDeps,
  query: { readonly after?: string; readonly limit?: number } = {},
): Promise<UndeliveredPage> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  const failures = cursor(
    (after) => deps.store.invoicesWithFailures({ ...(after === undefined ? {} : { after }), limit: BATCH }),
    query.after,
  );
  const unsent = cursor(
    (after) => deps.store.unsentEmailInvoices({ ...(after === undefined ? {} : { after }), limit: BATCH }),
    query.after,
  );
  const invoices: UndeliveredInvoice[] = [];
  let more = false;
  for (;;) {
    const a = await failures.peek();
    const b = await unsent.peek();
    if (a === undefined && b === undefined) break;
    if (invoices.length === limit) {
      more = true;
      break;
    }
    const fromFailures = b === undefined || (a !== undefined && a <= b);
    const number = (fromFailures ? a : b) as string;
    if (fromFailures) failures.take();
    else unsent.take();
    const judged = fromFailures ? await judgeFailed(deps, number) : await judgeUnsent(deps, number);
    if (judged !== null) invoices.push(judged);
  }
  return { invoices, next: more ? (invoices.at(-1)?.invoiceNumber ?? null) : null };
}
