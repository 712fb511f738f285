import type { FieldChange } from "../../core/audit/field-diff.ts";
import type { Channel, Customer } from "../../core/customer/customer.ts";
import type { Recipient, RecipientRole, RecipientStatus } from "../../core/customer/recipient.ts";
import type { AppError } from "../../core/errors/app-error.ts";
import type { Language } from "../../core/language.ts";
import type { Result } from "../../core/result.ts";
import type { AuditAppender } from "./audit-log.ts";

/** Which customers to list, one page at a time in customer-number order. */
export interface CustomerQuery {
  /** Case-insensitive (ASCII) substring of the customer number or the legal name. */
  readonly search?: string;
  readonly preferredChannel?: Channel;
  readonly language?: Language;
  /** Continue after this customer number: the `next` of the previous page. */
  readonly after?: string;
  /** Page size, 1 to 1000; 100 when absent. */
  readonly limit?: number;
}

/** One page of customers; `next` is null on the last page. */
export interface CustomerPage {
  readonly customers: readonly Customer[];
  readonly next: string | null;
}

/** What an upsert did, with the field-level changes the caller audits. */
export type CustomerUpsert =
  | { readonly kind: "created"; readonly customer: Customer }
  | { readonly kind: "updated"; readonly customer: Customer; readonly changes: readonly FieldChange[] }
  | { readonly kind: "unchanged"; readonly customer: Customer };

/** The fields of a recipient that can change; absent fields keep their value. */
export interface RecipientPatch {
  readonly role?: RecipientRole;
  readonly email?: string;
  readonly name?: string | null;
  readonly status?: RecipientStatus;
  readonly statusReason?: string | null;
}

/** A recipient before and after an update, with the field-level changes the caller audits. */
export interface RecipientChange {
  readonly before: Recipient;
  readonly after: Recipient;
  readonly changes: readonly FieldChange[];
}

/** Reads the customer registry. */
export interface CustomerReader {
  getCustomer(number: string): Promise<Customer | null>;
  listCustomers(query: CustomerQuery): Promise<CustomerPage>;
  /** Every recipient of the customer, removed ones included, oldest first. */
  listRecipients(customerNumber: string): Promise<readonly Recipient[]>;
}

/** Reads and writes inside one transaction; the audit entries appended here commit with the changes. */
export interface CustomerUnitOfWork extends CustomerReader {
  /** Creates or replaces the customer `customer.number`; `at` stamps the row. Writes nothing when nothing changed. */
  upsertCustomer(customer: Customer, at: Date): Promise<CustomerUpsert>;
  /**
   * Adds a recipient. Fails with `not-found` for an unknown customer, `conflict` for a second active invoice-mailbox
   * or an id already used.
   */
  insertRecipient(recipient: Recipient, at: Date): Promise<Result<Recipient, AppError>>;
  /** Changes a recipient. Fails with `not-found` for an unknown id, `conflict` for a second active invoice-mailbox. */
  updateRecipient(id: string, patch: RecipientPatch, at: Date): Promise<Result<RecipientChange, AppError>>;
  readonly audit: AuditAppender;
}

/** The customer registry: reads, and writes through a unit of work. */
export interface CustomerStore extends CustomerReader {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (unit: CustomerUnitOfWork) => Promise<T>): Promise<T>;
}
