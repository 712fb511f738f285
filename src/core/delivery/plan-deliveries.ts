import { copyRecipients } from "../customer/copy-recipients.ts";
import { mainRecipients } from "../customer/main-recipients.ts";
import type { Recipient } from "../customer/recipient.ts";
import { err, ok, type Result } from "../result.ts";
import type { DeliveryAddress, DeliveryRole } from "./delivery.ts";

/** One message to create for an invoice. */
export interface PlannedMessage {
  readonly role: DeliveryRole;
  /** `main`, or the copy recipient's id: what makes the message unique within one round of one invoice. */
  readonly target: string;
  readonly recipients: readonly DeliveryAddress[];
}

/** Why an invoice cannot go out by e-mail: reported to the sender, never skipped silently. */
export interface NoUsableRecipient {
  readonly code: "no-usable-recipient";
  readonly message: string;
}

function address(recipient: Recipient): DeliveryAddress {
  return { recipientId: recipient.id, email: recipient.email, name: recipient.name };
}

/**
 * The messages an invoice is sent as: one to the main recipients (the active invoice mailbox, else every active
 * person), then one per active copy recipient. Copies alone are not enough: a copy is a duplicate, so a customer with
 * only copy recipients has no usable recipient.
 */
export function planDeliveries(
  recipients: readonly Recipient[],
): Result<PlannedMessage[], NoUsableRecipient> {
  const main = mainRecipients(recipients);
  if (main.length === 0) {
    const inactive = recipients.filter(
      (r) => r.status !== "active" && (r.role === "invoice-mailbox" || r.role === "person"),
    ).length;
    return err({
      code: "no-usable-recipient",
      message:
        recipients.length === 0
          ? "the customer has no recipient"
          : `the customer has no active invoice-mailbox or person recipient${inactive > 0 ? ` (${inactive} suspended or removed)` : ""}`,
    });
  }
  return ok([
    { role: "main", target: "main", recipients: main.map(address) },
    ...copyRecipients(recipients).map(
      (r): PlannedMessage => ({ role: "copy", target: r.id, recipients: [address(r)] }),
    ),
  ]);
}
