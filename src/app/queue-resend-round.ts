import type { AuditActor } from "../core/audit/audit-entry.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { BounceUnitOfWork } from "./ports/bounce-store.ts";
import { DELIVER_JOB, deliverJobKey, PEPPOL_DELIVER_JOB } from "./send-invoices.ts";

/** What a resend queued: an e-mail message to addresses, or the invoice over Peppol to the buyer's participant id. */
export interface ResendReport {
  readonly invoiceNumber: string;
  readonly channel: "email" | "peppol";
  readonly round: number;
  readonly deliveryId: string;
  /** The addresses, or the participant id. */
  readonly to: readonly string[];
}

/** Where the new round goes: the recipients' addresses, or the buyer's Peppol participant id. */
export type ResendTarget =
  | { readonly channel: "email"; readonly recipients: readonly Recipient[] }
  | { readonly channel: "peppol"; readonly participant: string };

/**
 * Writes, in the caller's transaction, a new round of an invoice with one main message to `target` (an e-mail with a
 * `deliver` job, or a Peppol delivery with a `peppol-deliver` job), and an audit entry on the invoice saying who
 * resent it, to whom and why.
 */
export async function queueResendRound(
  unit: BounceUnitOfWork,
  args: {
    readonly invoice: { readonly id: string; readonly number: string; readonly customerNumber: string };
    readonly target: ResendTarget;
    readonly deliveryId: string;
    readonly messageId: string;
    readonly at: Date;
    readonly actor: AuditActor;
    readonly reason: string;
  },
): Promise<ResendReport> {
  const { invoice, at, target } = args;
  const round = ((await unit.latestRounds([invoice.id])).get(invoice.id) ?? 0) + 1;
  const peppol = target.channel === "peppol";
  const key = peppol ? target.participant : "main";
  const to = peppol ? [target.participant] : target.recipients.map((r) => r.email);
  await unit.createDeliveries(
    [
      {
        id: args.deliveryId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerNumber: invoice.customerNumber,
        role: "main",
        round,
        target: key,
        messageId: args.messageId,
        ...(peppol
          ? { recipients: [], peppol: { participant: target.participant } }
          : {
              recipients: target.recipients.map((r) => ({ recipientId: r.id, email: r.email, name: r.name })),
            }),
      },
    ],
    at,
    `${args.actor.kind}:${args.actor.id}`,
  );
  const kind = peppol ? PEPPOL_DELIVER_JOB : DELIVER_JOB;
  await unit.enqueue(
    [
      {
        key: deliverJobKey(invoice.id, round, key, kind),
        kind,
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
      newValue: { resend: round, channel: target.channel, to, deliveryId: args.deliveryId },
      reason: args.reason,
    },
  ]);
  return { invoiceNumber: invoice.number, channel: target.channel, round, deliveryId: args.deliveryId, to };
}
