import type { Kysely, Transaction } from "kysely";
import type { RecipientChange, RecipientPatch } from "../../app/ports/customer-store.ts";
import { recipientAuditFields } from "../../core/audit/audited-fields.ts";
import { diffFields } from "../../core/audit/field-diff.ts";
import type { Recipient } from "../../core/customer/recipient.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { Database } from "../database.ts";
import { toDbInstant } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { recipientFromRow, recipientToRow } from "./recipient-mapper.ts";

/** Every recipient of the customer, removed ones included, oldest first. */
export async function listRecipients(db: Kysely<Database>, customerNumber: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom("recipients")
    .selectAll()
    .where("customer_number", "=", customerNumber)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(recipientFromRow);
}

/** The recipient `id`, or null when there is none. */
export async function getRecipient(db: Kysely<Database>, id: string): Promise<Recipient | null> {
  const row = await db.selectFrom("recipients").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : recipientFromRow(row);
}

/**
 * Adds `recipient`. Refuses (as a value) an unknown customer, an id already used, and a second active
 * invoice-mailbox, so that the caller gets a reason instead of a constraint error that would abort its transaction.
 */
export async function insertRecipient(
  trx: Transaction<Database>,
  recipient: Recipient,
  at: Date,
): Promise<Result<Recipient, AppError>> {
  if (!(await lockCustomer(trx, recipient.customerNumber))) {
    return err(new AppError("not-found", `customer ${recipient.customerNumber} does not exist`));
  }
  if ((await getRecipient(trx, recipient.id)) !== null) {
    return err(new AppError("conflict", `recipient id ${recipient.id} is already used`));
  }
  const conflict = await activeMailboxConflict(trx, recipient);
  if (conflict !== null) return err(conflict);
  await trx.insertInto("recipients").values(recipientToRow(recipient, at)).execute();
  return ok(recipient);
}

/** Applies `patch` to the recipient `id` and returns the field-level changes for the caller to audit. */
export async function updateRecipient(
  trx: Transaction<Database>,
  id: string,
  patch: RecipientPatch,
  at: Date,
): Promise<Result<RecipientChange, AppError>> {
  const before = await getRecipient(trx, id);
  if (before === null) return err(new AppError("not-found", `recipient ${id} does not exist`));
  await lockCustomer(trx, before.customerNumber);
  const after: Recipient = {
    ...before,
    role: patch.role ?? before.role,
    email: patch.email ?? before.email,
    name: patch.name === undefined ? before.name : patch.name,
    status: patch.status ?? before.status,
    statusReason: patch.statusReason === undefined ? before.statusReason : patch.statusReason,
  };
  const changes = diffFields(recipientAuditFields(before), recipientAuditFields(after));
  if (changes.length === 0) return ok({ before, after, changes });
  const conflict = await activeMailboxConflict(trx, after);
  if (conflict !== null) return err(conflict);
  await trx
    .updateTable("recipients")
    .set({
      role: after.role,
      email: after.email,
      name: after.name,
      status: after.status,
      status_reason: after.statusReason,
      updated_at: toDbInstant(at),
    })
    .where("id", "=", id)
    .execute();
  return ok({ before, after, changes });
}

/**
 * Locks the customer's row on PostgreSQL so that two transactions changing its recipients take turns, and the
 * active-mailbox check below cannot be passed by both (SQLite transactions already hold the write lock).
 * Returns false when the customer does not exist.
 */
async function lockCustomer(trx: Transaction<Database>, customerNumber: string): Promise<boolean> {
  let select = trx.selectFrom("customers").select("number").where("number", "=", customerNumber);
  if (dialectOf(trx) === "postgres") select = select.forUpdate();
  return (await select.executeTakeFirst()) !== undefined;
}

/** The conflict when `recipient` would be a second active invoice-mailbox of its customer, else null. */
async function activeMailboxConflict(
  trx: Transaction<Database>,
  recipient: Recipient,
): Promise<AppError | null> {
  if (recipient.role !== "invoice-mailbox" || recipient.status !== "active") return null;
  const other = await trx
    .selectFrom("recipients")
    .select(["id", "email"])
    .where("customer_number", "=", recipient.customerNumber)
    .where("role", "=", "invoice-mailbox")
    .where("status", "=", "active")
    .where("id", "<>", recipient.id)
    .executeTakeFirst();
  if (other === undefined) return null;
  return new AppError(
    "conflict",
    `customer ${recipient.customerNumber} already has an active invoice-mailbox (${other.email})`,
  );
}
