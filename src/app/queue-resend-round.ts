import type { AuditActor } from "../core/audit/audit-entry.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { BounceUnitOfWork } from "./ports/bounce-store.ts";
import { DELIVER_JOB } from "./send-invoices.ts";

/** What a resend queued. */
export interface ResendReport {
  readonly invoiceNumber: string;
  readonly round: number;
  readonly deliveryId: string;
  readonly to: readonly string[];
}

/**
 * Writes, in the caller's transaction, a new round of an invoice with one main message to `recipients`, its `deliver`
 * job, and an audit entry on the invoice saying who resent it, to whom and why.
 */
export async function queueResendRound(
  unit: BounceUnitOfWork,
  args: {
    readonly invoice: { readonly id: string; readonly number: string; readonly customerNumber: string };
    readonly recipients: readonly Recipient[];
    readonly deliveryId: string;
    readonly messageId: string;
    readonly at: Date;
    readonly actor: AuditActor;
    readonly reason: string;
  },
): Promise<ResendReport> {
  const { invoice, at } = args;
  const round = ((await unit.latestRounds([invoice.id])).get(invoice.id) ?? 0) + 1;
  const to = args.recipients.map((r) => r.email);
  await unit.createDeliveries(
    [
      {
        id: args.deliveryId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerNumber: invoice.customerNumber,
        role: "main",
        round,
        target: "main",
        messageId: args.messageId,
        recipients: args.recipients.map((r) => ({ recipientId: r.id, email: r.email, name: r.name })),
      },
    ],
    at,
    `${args.actor.kind}:${args.actor.id}`,
  );
  await unit.enqueue(
    [
      {
        key: `${DELIVER_JOB}:${invoice.id}:${round}:main`,
        kind: DELIVER_JOB,
        payload: { deliveryId: args.deliveryId },
        runAt: at,
      },
    ],
    at,
  );
  await unit.audit.append([
    {
      at,
      actor: args.actor,
      entity: { type: "invoice", id: invoice.id },
      field: "delivery",
      action: "update",
      oldValue: null,
      newValue: { resend: round, to, deliveryId: args.deliveryId },
      reason: args.reason,
    },
  ]);
  return { invoiceNumber: invoice.number, round, deliveryId: args.deliveryId, to };
}
