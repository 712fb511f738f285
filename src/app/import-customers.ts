import { type AuditContext, changeEntries, creationEntry } from "../core/audit/audit-entries.ts";
import type { AuditActor } from "../core/audit/audit-entry.ts";
import { customerAuditFields } from "../core/audit/audited-fields.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import type { RecipientChange } from "../core/customer/recipient-change.ts";
import { sameAddress } from "../core/customer/same-address.ts";
import { validateCustomer } from "../core/customer/validate-customer.ts";
import { parseEmailAddress } from "../core/email-address.ts";
import type { InputIssue } from "../core/errors/app-error.ts";
import {
  type CustomerInput,
  customerInputSchema,
  type RecipientInput,
} from "../core/schemas/customer-input.ts";
import { changeRecipient } from "./change-recipient.ts";
import { allOrNothing, type ImportReport, MAX_REPORTED_ISSUES } from "./import-outcome.ts";
import { parseRecord } from "./parse-record.ts";
import type { CustomerUnitOfWork } from "./ports/customer-store.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";
import type { Store } from "./ports/store.ts";

export interface ImportCustomersDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** New recipient ids (uuid v4). */
  readonly newId: () => string;
}

export interface ImportCustomersOptions {
  readonly records: AsyncIterable<SourcedRecord>;
  readonly source: string;
  readonly actor: AuditActor;
  readonly onProgress?: (read: number) => void;
}

/**
 * The changes that make a customer's active recipients what the file lists: removals first (so a new invoice mailbox
 * can replace the old one), then reactivations and additions. A suspended address listed again stays suspended: a
 * bounce suspended it, and only a person who fixed it should lift that.
 */
function recipientPlan(
  current: readonly Recipient[],
  wanted: readonly RecipientInput[],
  source: string,
  newId: () => string,
): { changes: RecipientChange[]; suspended: Recipient[] } {
  const matches = (r: Recipient, w: RecipientInput) => r.role === w.role && sameAddress(r.email, w.email);
  const changes: RecipientChange[] = [];
  const suspended: Recipient[] = [];
  for (const r of current) {
    if (r.status === "active" && !wanted.some((w) => matches(r, w))) {
      changes.push({ kind: "remove", id: r.id, reason: `not listed in ${source}` });
    }
  }
  for (const w of wanted) {
    const existing = current.find((r) => matches(r, w));
    if (existing === undefined)
      changes.push({ kind: "add", id: newId(), role: w.role, email: w.email, name: w.name ?? null });
    else if (existing.status === "removed") changes.push({ kind: "reactivate", id: existing.id });
    else if (existing.status === "suspended") suspended.push(existing);
  }
  return { changes, suspended };
}

/**
 * Imports customers and their recipients all or nothing. Each record is validated (shape, identifiers and their
 * consistency, recipient rules) and every problem reported with its place; only a file without problems is
 * committed. Creations, field changes and recipient changes are audited with the file as actor; re-importing the same
 * file changes nothing.
 */
export async function importCustomers(
  deps: ImportCustomersDeps,
  options: ImportCustomersOptions,
): Promise<ImportReport> {
  const issues: InputIssue[] = [];
  const notices: InputIssue[] = [];
  const addIssue = (issue: InputIssue) => {
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  const seen = new Set<string>();
  let read = 0;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const at = deps.now();
  const context: AuditContext = {
    at,
    actor: { kind: "import", id: `${options.source} (${options.actor.kind}:${options.actor.id})` },
    reason: `imported from ${options.source}`,
  };

  const apply = async (unit: CustomerUnitOfWork, input: CustomerInput, record: SourcedRecord) => {
    const valid = validateCustomer(input);
    if (!valid.ok) {
      for (const e of valid.error)
        addIssue({ source: options.source, ...record.locate(e.field.split(".")), message: e.message });
      return;
    }
    let recipientsValid = true;
    input.recipients?.forEach((r, i) => {
      const email = parseEmailAddress(r.email);
      if (!email.ok) {
        recipientsValid = false;
        addIssue({
          source: options.source,
          ...record.locate(["recipients", i, "email"]),
          message: email.error.message,
        });
      }
    });
    // Once anything is wrong nothing will be committed: the rest is still validated, but not written.
    if (issues.length > 0 || !recipientsValid) return;
    const customer = valid.value;
    const upsert = await unit.upsertCustomer(customer, at);
    let changed = upsert.kind !== "unchanged";
    if (upsert.kind === "created") {
      await unit.audit.append([
        creationEntry(context, { type: "customer", id: customer.number }, customerAuditFields(customer)),
      ]);
    } else if (upsert.kind === "updated") {
      await unit.audit.append(
        changeEntries(context, { type: "customer", id: customer.number }, upsert.changes),
      );
    }
    if (input.recipients !== undefined) {
      const current = await unit.listRecipients(customer.number);
      const plan = recipientPlan(current, input.recipients, options.source, deps.newId);
      for (const s of plan.suspended) {
        notices.push({
          source: options.source,
          ...record.locate(["recipients"]),
          message: `${s.email} stays suspended (${s.statusReason ?? "no reason given"}); reactivate it with 'facteur customers set-recipient' once fixed`,
        });
      }
      for (const change of plan.changes) {
        const outcome = await changeRecipient(unit, customer.number, change, context);
        if (!outcome.ok) {
          const index =
            change.kind === "add"
              ? input.recipients.findIndex((w) => sameAddress(w.email, change.email))
              : -1;
          addIssue({
            source: options.source,
            ...record.locate(index >= 0 ? ["recipients", index, "email"] : ["recipients"]),
            message: outcome.error.message,
          });
          return;
        }
        changed = true;
      }
    }
    if (upsert.kind === "created") created++;
    else if (changed) updated++;
    else unchanged++;
  };

  const committed = await allOrNothing(deps.store, issues, async (unit) => {
    for await (const record of options.records) {
      read++;
      if (read % 250 === 0) options.onProgress?.(read);
      const parsed = parseRecord(customerInputSchema, record);
      if (!parsed.ok) {
        for (const issue of parsed.issues) addIssue(issue);
        continue;
      }
      const number = parsed.value.number;
      if (seen.has(number)) {
        addIssue({
          source: options.source,
          ...record.locate(["number"]),
          message: `customer number ${number} appears twice in the file`,
        });
        continue;
      }
      seen.add(number);
      await apply(unit, parsed.value, record);
    }
    options.onProgress?.(read);
  });
  if (!committed) {
    return { source: options.source, read, created: 0, updated: 0, unchanged: 0, issues, committed, notices };
  }
  return { source: options.source, read, created, updated, unchanged, issues, committed: true, notices };
}
