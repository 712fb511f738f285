import { parseBic } from "../../core/identifiers/bic.ts";
import { parseIban } from "../../core/identifiers/iban.ts";
import { mod97Alphanumeric } from "../../core/identifiers/mod97.ts";
import { parseOgm } from "../../core/identifiers/ogm.ts";
import type { CreditTransfer, InvoiceDocument, PaymentMeans } from "../../core/invoice/invoice.ts";
import { dec, toFixedPlaces } from "../../core/money/decimal.ts";

/** EPC069-12: the largest payload a version 13 QR code at error correction level M holds. */
export const EPC_MAX_PAYLOAD_BYTES = 331;
const MAX_AMOUNT = dec("999999999.99");
const MAX_NAME = 70;
const MAX_TEXT = 140;
/** UNCL4461 codes of a credit transfer the payer initiates: 30 credit transfer, 58 SEPA credit transfer. */
const CREDIT_TRANSFER_CODES = new Set(["30", "58"]);

const utf8 = new TextEncoder();

/** One line of the payload: no line breaks inside, at most `max` characters (code points, not UTF-16 units). */
function field(text: string, max: number): string {
  return [...text.replace(/\s+/g, " ").trim()].slice(0, max).join("");
}

/** ISO 11649 creditor reference ("RF18539007547034"): RF, two check digits, up to 21 letters or digits. */
function isCreditorReference(text: string): boolean {
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(text)) return false;
  return mod97Alphanumeric(`${text.slice(4)}${text.slice(0, 4)}`) === 1;
}

/**
 * Splits the remittance information into the payload's structured (line 10) or unstructured (line 11) field; the
 * EPC guidelines allow one of the two. A Belgian structured communication goes to line 10 as its 12 digits, as
 * Belgian banking apps read it there and fill their "structured communication" field; an ISO 11649 reference goes
 * there too; anything else, or the invoice number when there is nothing, is unstructured text.
 */
function remittance(text: string | undefined, number: string | undefined): [string, string] {
  const given = text?.trim() ?? "";
  const ogm = parseOgm(given);
  if (ogm.ok) return [ogm.value, ""];
  const compact = given.replace(/\s/g, "").toUpperCase();
  if (isCreditorReference(compact)) return [compact, ""];
  return ["", field(given || (number ?? ""), MAX_TEXT)];
}

function payableAccount(
  means: readonly PaymentMeans[],
): { means: PaymentMeans; transfer: CreditTransfer } | null {
  for (const m of means) {
    if (!CREDIT_TRANSFER_CODES.has(m.code ?? "")) continue;
    const transfer = m.creditTransfers.find((t) => t.account && parseIban(t.account).ok);
    if (transfer) return { means: m, transfer };
  }
  return null;
}

/**
 * The EPC069-12 "SEPA credit transfer" QR payload that pays an invoice's amount due (BT-115), or null when no QR
 * code should be printed: a credit note, another currency than EUR, nothing (or more than the SEPA maximum) to pay,
 * no credit transfer to a valid IBAN, no beneficiary name. Version 002 (the BIC may be left out in the EEA),
 * character set 1 (UTF-8), the BIC when known, the account name (else the seller's name) cut to 70 characters, the
 * IBAN, EUR and the amount with a decimal point, no purpose, then the remittance (see {@link remittance}).
 * Trailing empty lines are left out, as the guidelines allow. Long free text is shortened to keep the payload within
 * {@link EPC_MAX_PAYLOAD_BYTES}.
 */
export function epcQrPayload(document: InvoiceDocument): string | null {
  if (document.kind !== "invoice" || document.currency !== "EUR") return null;
  const due = document.totals.payable;
  if (!due) return null;
  const amount = dec(toFixedPlaces(due, 2));
  if (amount.lte(0) || amount.gt(MAX_AMOUNT)) return null;
  const target = payableAccount(document.paymentMeans);
  if (!target) return null;
  const iban = parseIban(target.transfer.account ?? "");
  const name = field(target.transfer.accountName ?? document.seller.name ?? "", MAX_NAME);
  if (!iban.ok || name === "") return null;
  const bic = target.transfer.bic ? parseBic(target.transfer.bic) : undefined;
  const [structured, unstructured] = remittance(target.means.remittanceInformation, document.number);
  const head = ["BCD", "002", "1", "SCT", bic?.ok ? bic.value : "", name, iban.value];
  const tail = [`EUR${amount.toFixed(2)}`, "", structured];
  for (let text = [...unstructured]; ; text = text.slice(0, -1)) {
    const lines = [...head, ...tail, text.join("")];
    while (lines.at(-1) === "") lines.pop();
    const payload = lines.join("\n");
    if (utf8.encode(payload).length <= EPC_MAX_PAYLOAD_BYTES) return payload;
    if (text.length === 0) return null;
  }
}
