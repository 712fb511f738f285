import type { Customer } from "../core/customer/customer.ts";
import { mainRecipients } from "../core/customer/main-recipients.ts";
import type { Recipient } from "../core/customer/recipient.ts";
import { validateCustomer } from "../core/customer/validate-customer.ts";
import { parseEmailAddress } from "../core/email-address.ts";
import type { InputIssue } from "../core/errors/app-error.ts";
import { customerInputSchema } from "../core/schemas/customer-input.ts";
import { parseRecord } from "./parse-record.ts";
import { RecordSourceError } from "./ports/record-source-error.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";

/** A customer read from a file, with the address its invoices go to (the buyer's e-mail endpoint when it has no other). */
export interface CustomerOnFile {
  readonly customer: Customer;
  /** The invoice mailbox, else the first person; undefined when the file lists no recipient. */
  readonly mailbox?: string;
}

/** The customers of a file, by number, or every problem found with its place. */
export interface CustomersRead {
  readonly customers: ReadonlyMap<string, CustomerOnFile>;
  readonly issues: readonly InputIssue[];
}

/** The main recipient of a customer as the delivery would choose it, from the file's recipient list. */
function mailboxOf(
  customerNumber: string,
  recipients: readonly { role: Recipient["role"]; email: string }[],
) {
  const listed: Recipient[] = recipients.map((r, i) => ({
    id: String(i),
    customerNumber,
    role: r.role,
    email: r.email,
    name: null,
    status: "active",
    statusReason: null,
  }));
  return mainRecipients(listed)[0]?.email;
}

/**
 * Reads and checks customers from import records (the customer import formats: CSV, JSON or JSON Lines) without a
 * database, with the import's rules: shape, identifiers and their consistency, recipient addresses, no number twice.
 */
export async function customersFromRecords(records: AsyncIterable<SourcedRecord>): Promise<CustomersRead> {
  const customers = new Map<string, CustomerOnFile>();
  const issues: InputIssue[] = [];
  try {
    for await (const record of records) {
      const parsed = parseRecord(customerInputSchema, record);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const input = parsed.value;
      const valid = validateCustomer(input);
      const problems: InputIssue[] = valid.ok
        ? []
        : valid.error.map((e) => ({
            source: record.source,
            ...record.locate(e.field.split(".")),
            message: e.message,
          }));
      const recipients: { role: Recipient["role"]; email: string }[] = [];
      input.recipients?.forEach((r, i) => {
        const email = parseEmailAddress(r.email);
        if (email.ok) recipients.push({ role: r.role, email: email.value });
        else
          problems.push({
            source: record.source,
            ...record.locate(["recipients", i, "email"]),
            message: email.error.message,
          });
      });
      if (customers.has(input.number)) {
        problems.push({
          source: record.source,
          ...record.locate(["number"]),
          message: `customer number ${input.number} appears twice`,
        });
      }
      issues.push(...problems);
      if (!valid.ok || problems.length > 0) continue;
      const mailbox = mailboxOf(input.number, recipients);
      customers.set(input.number, { customer: valid.value, ...(mailbox ? { mailbox } : {}) });
    }
  } catch (error) {
    if (!(error instanceof RecordSourceError)) throw error;
    issues.push(error.issue);
  }
  return { customers, issues };
}
