import type { AuditActor } from "../core/audit/audit-entry.ts";
import { mainRecipients } from "../core/customer/main-recipients.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { RecipientChange } from "../core/customer/recipient-change.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { HoldReason } from "../core/peppol/channel-policy.ts";
import { changeRecipient, recipientChangeError } from "./change-recipient.ts";
import type { BounceStore, BounceUnitOfWork } from "./ports/bounce-store.ts";
import { queueResendRound, type ResendReport, type ResendTarget } from "./queue-resend-round.ts";
import type { InvoiceRouter } from "./route-invoice.ts";

export type { ResendReport };

/** What a resend did: a new round queued (by e-mail or over Peppol), or the invoice held by its channel decision. */
export type ResendOutcome =
  | ({ readonly kind: "queued" } & ResendReport)
  | {
      readonly kind: "held";
      readonly invoiceNumber: string;
      readonly reason: HoldReason;
      readonly explanation: string;
    };

export interface ResendInvoiceDeps {
  readonly store: BounceStore;
  readonly now: () => Date;
  readonly newId: () => string;
  /** A new Message-ID without angle brackets. */
  readonly newMessageId: () => string;
  readonly actor: AuditActor;
  /**
   * Decides the invoice's legal channel again (the router `send` uses), outside the transaction: an invoice the law
   * sends over Peppol is looked up again and resent over Peppol, or held with the reason; it is never e-mailed.
   */
  readonly route: InvoiceRouter;
}

export interface ResendInvoiceOptions {
  readonly invoiceNumber: string;
  /** Correct this recipient's address (and reactivate it when suspended) before sending. */
  readonly fix?: { readonly recipientId: string; readonly email: string };
  /** Send to these recipients of the customer (any role, active) instead of the usual main recipients. */
  readonly recipientIds?: readonly string[];
  /** Why, for the audit trail. */
  readonly reason?: string;
}

async function apply(
  unit: BounceUnitOfWork,
  customerNumber: string,
  change: RecipientChange,
  deps: ResendInvoiceDeps,
  at: Date,
  reason: string,
): Promise<void> {
  const done = await changeRecipient(unit, customerNumber, change, { at, actor: deps.actor, reason });
  if (!done.ok && done.error.code !== "unchanged") throw recipientChangeError(done.error);
}

function chosen(recipients: readonly Recipient[], ids: readonly string[] | undefined): readonly Recipient[] {
  if (ids === undefined || ids.length === 0) return mainRecipients(recipients);
  return ids.map((id) => {
    const found = recipients.find((r) => r.id === id);
    if (found === undefined) throw new AppError("not-found", `the customer has no recipient ${id}`);
    if (found.status !== "active") {
      throw new AppError(
        "conflict",
        `${found.email} is ${found.status}: fix or reactivate it before sending to it`,
      );
    }
    return found;
  });
}

/**
 * Sends an invoice again, as a new round with one main message. The invoice's legal channel is decided again first
 * (a fresh Peppol look-up when the law or the customer calls for Peppol), and the decision is recorded in the same
 * transaction as what it leads to:
 * - e-mail: optionally the corrected address of a recipient (audited, and reactivated when a bounce had suspended
 *   it), the message to the customer's main recipients or to the recipients chosen, with its `deliver` job;
 * - Peppol: the corrected address all the same, and one delivery to the buyer's participant id with a
 *   `peppol-deliver` job (choosing e-mail recipients is refused: the invoice does not go by e-mail);
 * - a hold: nothing is queued and the invoice is listed as held (`facteur invoices held`) with the reason.
 * Each round queued gets an audit entry on the invoice saying who resent it, to whom, and why. Copies and courtesy
 * copies are not sent again: their recipients had theirs.
 */
export async function resendInvoice(
  deps: ResendInvoiceDeps,
  options: ResendInvoiceOptions,
): Promise<ResendOutcome> {
  const at = deps.now();
  const reason = options.reason?.trim() || "resent from the undelivered queue";
  const issued = async (unit: Pick<BounceUnitOfWork, "getInvoice">) => {
    const invoice = await unit.getInvoice(options.invoiceNumber);
    if (invoice === null || invoice.number === null)
      throw new AppError("not-found", `no invoice ${options.invoiceNumber}`);
    if (invoice.status !== "issued")
      throw new AppError("invalid-state", `invoice ${options.invoiceNumber} is a draft: issue it first`);
    return { ...invoice, number: invoice.number };
  };
  const before = await issued(deps.store);
  const customer = await deps.store.getCustomer(before.customerNumber);
  if (customer === null) throw new AppError("not-found", `no customer ${before.customerNumber}`);
  const [routed] = await deps.route([
    { kind: before.content.kind, issueDate: before.content.issueDate, customer },
  ]);
  if (routed === undefined) throw new Error("the router gave no decision");
  return deps.store.transaction(async (unit) => {
    const invoice = await issued(unit);
    const customerNumber = invoice.customerNumber;
    const { decision, participant } = routed;
    await unit.recordChannelDecisions([
      {
        id: deps.newId(),
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerNumber,
        decidedAt: at,
        actor: `${deps.actor.kind}:${deps.actor.id}`,
        ...routed,
      },
    ]);
    if (decision.kind === "hold") {
      const { explanation } = decision;
      return { kind: "held", invoiceNumber: invoice.number, reason: decision.reason, explanation };
    }
    const peppol = decision.channel === "peppol" && participant !== null;
    if (!peppol && decision.channel !== "email") {
      throw new AppError(
        "conflict",
        `invoice ${invoice.number} goes by ${decision.channel}: ${decision.explanation}`,
      );
    }
    if (peppol && options.recipientIds !== undefined && options.recipientIds.length > 0) {
      throw new AppError(
        "conflict",
        `invoice ${invoice.number} goes over Peppol (${decision.explanation}): it is not e-mailed, so recipients cannot be chosen`,
      );
    }
    if (options.fix !== undefined) {
      const { recipientId, email } = options.fix;
      const current = (await unit.listRecipients(customerNumber)).find((r) => r.id === recipientId);
      if (current === undefined)
        throw new AppError("not-found", `customer ${customerNumber} has no recipient ${recipientId}`);
      await apply(unit, customerNumber, { kind: "change-address", id: recipientId, email }, deps, at, reason);
      if (current.status === "suspended")
        await apply(unit, customerNumber, { kind: "reactivate", id: recipientId }, deps, at, reason);
    }
    let target: ResendTarget;
    if (peppol) target = { channel: "peppol", participant };
    else {
      const recipients = chosen(await unit.listRecipients(customerNumber), options.recipientIds);
      if (recipients.length === 0) {
        throw new AppError(
          "conflict",
          `customer ${customerNumber} has no active invoice-mailbox or person recipient: fix an address, choose a recipient, or print it`,
        );
      }
      target = { channel: "email", recipients };
    }
    const queued = await queueResendRound(unit, {
      invoice: { id: invoice.id, number: invoice.number, customerNumber },
      target,
      deliveryId: deps.newId(),
      messageId: deps.newMessageId(),
      at,
      actor: deps.actor,
      reason,
    });
    return { kind: "queued", ...queued };
  });
}
