import type { AuditActor } from "../core/audit/audit-entry.ts";
import { mainRecipients } from "../core/customer/main-recipients.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { RecipientChange } from "../core/customer/recipient-change.ts";
import { AppError } from "../core/errors/app-error.ts";
import { changeRecipient, recipientChangeError } from "./change-recipient.ts";
import type { BounceStore, BounceUnitOfWork } from "./ports/bounce-store.ts";
import { queueResendRound, type ResendReport } from "./queue-resend-round.ts";

export type { ResendReport };

export interface ResendInvoiceDeps {
  readonly store: BounceStore;
  readonly now: () => Date;
  readonly newId: () => string;
  /** A new Message-ID without angle brackets. */
  readonly newMessageId: () => string;
  readonly actor: AuditActor;
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
 * Sends an invoice again, as a new round with one main message, in one transaction with what led to it: optionally
 * the corrected address of a recipient (audited, and reactivated when a bounce had suspended it), the message to the
 * customer's main recipients or to the recipients chosen, its `deliver` job, and an audit entry on the invoice saying
 * who resent it, to whom, and why. Copies are not sent again: their recipients had theirs.
 */
export async function resendInvoice(
  deps: ResendInvoiceDeps,
  options: ResendInvoiceOptions,
): Promise<ResendReport> {
  const at = deps.now();
  const reason = options.reason?.trim() || "resent from the undelivered queue";
  return deps.store.transaction(async (unit) => {
    const invoice = await unit.getInvoice(options.invoiceNumber);
    if (invoice === null || invoice.number === null)
      throw new AppError("not-found", `no invoice ${options.invoiceNumber}`);
    if (invoice.status !== "issued")
      throw new AppError("invalid-state", `invoice ${options.invoiceNumber} is a draft: issue it first`);
    const customerNumber = invoice.customerNumber;
    if (options.fix !== undefined) {
      const { recipientId, email } = options.fix;
      const current = (await unit.listRecipients(customerNumber)).find((r) => r.id === recipientId);
      if (current === undefined)
        throw new AppError("not-found", `customer ${customerNumber} has no recipient ${recipientId}`);
      await apply(unit, customerNumber, { kind: "change-address", id: recipientId, email }, deps, at, reason);
      if (current.status === "suspended")
        await apply(unit, customerNumber, { kind: "reactivate", id: recipientId }, deps, at, reason);
    }
    const recipients = chosen(await unit.listRecipients(customerNumber), options.recipientIds);
    if (recipients.length === 0) {
      throw new AppError(
        "conflict",
        `customer ${customerNumber} has no active invoice-mailbox or person recipient: fix an address, choose a recipient, or print it`,
      );
    }
    return queueResendRound(unit, {
      invoice: { id: invoice.id, number: invoice.number, customerNumber },
      recipients,
      deliveryId: deps.newId(),
      messageId: deps.newMessageId(),
      at,
      actor: deps.actor,
      reason,
    });
  });
}
