import { type AuditContext, changeEntries, creationEntry } from "../core/audit/audit-entries.ts";
import { recipientAuditFields } from "../core/audit/audited-fields.ts";
import { applyRecipientChange } from "../core/customer/apply-recipient-change.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { RecipientChange, RecipientChangeError } from "../core/customer/recipient-change.ts";
import { AppError } from "../core/errors/app-error.ts";
import { err, ok, type Result } from "../core/result.ts";
import type { CustomerUnitOfWork } from "./ports/customer-store.ts";

/**
 * Applies one recipient change inside the caller's unit of work: the core rules decide whether it is allowed (one
 * active invoice mailbox, no duplicates, nothing deleted), then the changed recipient is written and every changed
 * field audited with `context`. Returns the customer's recipients after the change, or the refusal.
 */
export async function changeRecipient(
  unit: CustomerUnitOfWork,
  customerNumber: string,
  change: RecipientChange,
  context: AuditContext,
): Promise<Result<readonly Recipient[], RecipientChangeError>> {
  const current = await unit.listRecipients(customerNumber);
  const outcome = applyRecipientChange(customerNumber, current, change);
  if (!outcome.ok) return outcome;
  const before = new Map(current.map((r) => [r.id, r]));
  for (const after of outcome.value) {
    const previous = before.get(after.id);
    if (previous === undefined) {
      const inserted = await unit.insertRecipient(after, context.at);
      if (!inserted.ok) return err({ code: "duplicate-address", message: inserted.error.message });
      await unit.audit.append([
        creationEntry(context, { type: "recipient", id: after.id }, recipientAuditFields(after)),
      ]);
    } else if (previous !== after) {
      const updated = await unit.updateRecipient(
        after.id,
        {
          role: after.role,
          email: after.email,
          name: after.name,
          status: after.status,
          statusReason: after.statusReason,
        },
        context.at,
      );
      if (!updated.ok) {
        if (updated.error.code === "conflict")
          return err({ code: "second-invoice-mailbox", message: updated.error.message });
        throw updated.error;
      }
      await unit.audit.append(
        changeEntries(context, { type: "recipient", id: after.id }, updated.value.changes),
      );
    }
  }
  return ok(outcome.value);
}

/** Turns a refused recipient change into the AppError the entry points report. */
export function recipientChangeError(error: RecipientChangeError): AppError {
  const code =
    error.code === "unknown-recipient" || error.code === "other-customer" ? "not-found" : "conflict";
  return new AppError(
    error.code === "invalid-email" || error.code === "invalid-name" || error.code === "missing-reason"
      ? "invalid-input"
      : code,
    error.message,
  );
}
