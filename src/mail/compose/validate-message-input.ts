import { sameAddress } from "../../core/customer/same-address.ts";
import { parseEmailAddress } from "../../core/email-address.ts";
import type { InputIssue } from "../../core/errors/app-error.ts";
import { isCurrencyCode } from "../../core/money/currency.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { cleanHeaderText, hasControlCharacter } from "./header-text.ts";
import type { InvoiceMessageInput, Mailbox } from "./invoice-message-input.ts";

/** A mailbox after checking: a valid, normalised address and a cleaned name ("" when none). */
export interface CheckedMailbox {
  readonly name: string;
  readonly address: string;
}

/** The input with every header value checked or cleaned. */
export interface CheckedMessageInput {
  readonly from: CheckedMailbox;
  readonly replyTo: CheckedMailbox | null;
  readonly to: readonly CheckedMailbox[];
  readonly returnPath: string;
  readonly number: string;
  readonly paymentReference: string | null;
}

const DELIVERY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
// RFC 5322 msg-id as dot-atom "@" domain, without the obsolete and quoted forms.
const MESSAGE_ID =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PDF_MAGIC = Buffer.from("%PDF-");

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Checks an invoice message input and cleans its free text. Addresses and identifiers with line breaks or control
 * characters are refused (they cannot be repaired without guessing); display names are cleaned (see
 * `cleanHeaderText`). Repeated main recipients are kept once. Returns every problem found, not only the first.
 */
export function validateMessageInput(input: InvoiceMessageInput): Result<CheckedMessageInput, InputIssue[]> {
  const issues: InputIssue[] = [];
  const problem = (field: string, message: string): void => {
    issues.push({ source: "invoice-message", field, message });
  };
  const mailbox = (field: string, box: Mailbox): CheckedMailbox | null => {
    const parsed = parseEmailAddress(box.address);
    if (!parsed.ok) {
      problem(field, parsed.error.message);
      return null;
    }
    return { name: cleanHeaderText(box.name ?? ""), address: parsed.value };
  };

  if (!DELIVERY_ID.test(input.deliveryId)) {
    problem("deliveryId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'.");
  }
  if (input.messageId.length > 250 || !MESSAGE_ID.test(input.messageId)) {
    problem("messageId", "must look like <id>@<domain>, without angle brackets or spaces.");
  }
  if (Number.isNaN(input.date.getTime())) problem("date", "is not a valid date.");
  const from = mailbox("from", input.from);
  const replyTo = input.replyTo ? mailbox("replyTo", input.replyTo) : null;
  const returnPath = parseEmailAddress(input.returnPath);
  if (!returnPath.ok) problem("returnPath", returnPath.error.message);

  const wanted = input.kind === "main" ? input.to : [input.to];
  if (wanted.length === 0) problem("to", "no recipient: the customer has no usable address.");
  const to: CheckedMailbox[] = [];
  wanted.forEach((box, index) => {
    const checked = mailbox(`to[${index}]`, box);
    if (checked !== null && !to.some((seen) => sameAddress(seen.address, checked.address))) to.push(checked);
  });

  const { document } = input;
  const number = document.number.trim();
  if (number === "" || number.length > 100 || hasControlCharacter(number)) {
    problem("document.number", "must be 1 to 100 characters without line breaks or control characters.");
  }
  if (!isIsoDate(document.issueDate)) problem("document.issueDate", "must be a date as YYYY-MM-DD.");
  if (document.dueDate && !isIsoDate(document.dueDate))
    problem("document.dueDate", "must be a date as YYYY-MM-DD.");
  if (!isCurrencyCode(document.currency)) problem("document.currency", "is not an ISO 4217 currency code.");
  const reference = document.paymentReference?.trim() || null;
  if (reference !== null && (reference.length > 140 || hasControlCharacter(reference))) {
    problem("document.paymentReference", "must be at most 140 characters without control characters.");
  }
  if (input.pdf.length === 0 || !input.pdf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    problem("pdf", "is not a PDF (it must start with %PDF-).");
  }
  if (input.kind === "main" && input.ubl === null && input.notice === undefined)
    problem("ubl", "is missing (only a courtesy copy with its notice goes without it).");
  if (input.kind === "main" && input.ubl !== null && input.ubl.length === 0) problem("ubl", "is empty.");

  if (issues.length > 0 || from === null || !returnPath.ok) return err(issues);
  return ok({ from, replyTo, to, returnPath: returnPath.value, number, paymentReference: reference });
}
