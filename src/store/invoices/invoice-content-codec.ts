import { contentSha256 } from "../../core/invoice/content-sha256.ts";
import type {
  ContentLine,
  DocumentAllowanceCharge,
  InvoiceContent,
  LineAllowanceCharge,
} from "../../core/invoice/invoice-content.ts";
import { type Decimal, dec } from "../../core/money/decimal.ts";

/**
 * Stored form of an invoice's content: JSON with every decimal as its exact text ("12.50", never 12.5 as a float),
 * keys in a fixed order so that equal content gives equal text (and equal SHA-256). JSON.stringify writes a decimal
 * through Decimal's toJSON, its exact text; no replacer function is passed because calling one for every key and value
 * cost about 5% of an import's CPU time, and the text must stay byte-identical for re-imports to match earlier ones.
 */
export function encodeInvoiceContent(content: InvoiceContent): string {
  return JSON.stringify(content);
}

/** The stored content and its SHA-256 (hex), which a re-import compares with the stored one. */
export function storedContentOf(content: InvoiceContent): { text: string; sha256: string } {
  const text = encodeInvoiceContent(content);
  return { text, sha256: contentSha256(text) };
}

type Stored = Record<string, unknown>;

const d = (value: unknown): Decimal => dec(String(value));
const optionalDecimal = (value: unknown): { value?: Decimal } =>
  value === undefined ? {} : { value: d(value) };

function allowance(raw: Stored): LineAllowanceCharge {
  const amount = optionalDecimal(raw.amount).value;
  const baseAmount = optionalDecimal(raw.baseAmount).value;
  const percentage = optionalDecimal(raw.percentage).value;
  return {
    ...(amount ? { amount } : {}),
    ...(baseAmount ? { baseAmount } : {}),
    ...(percentage ? { percentage } : {}),
    ...(raw.reason !== undefined ? { reason: String(raw.reason) } : {}),
    ...(raw.reasonCode !== undefined ? { reasonCode: String(raw.reasonCode) } : {}),
  };
}

function documentAllowance(raw: Stored): DocumentAllowanceCharge {
  return {
    ...allowance(raw),
    vatCategory: raw.vatCategory as DocumentAllowanceCharge["vatCategory"],
    vatRate: d(raw.vatRate),
  };
}

function line(raw: Stored): ContentLine {
  const baseQuantity = optionalDecimal(raw.baseQuantity).value;
  return {
    ...(raw as unknown as ContentLine),
    quantity: d(raw.quantity),
    netPrice: d(raw.netPrice),
    ...(baseQuantity ? { baseQuantity } : {}),
    vatRate: d(raw.vatRate),
    allowances: (raw.allowances as Stored[]).map(allowance),
    charges: (raw.charges as Stored[]).map(allowance),
  };
}

/**
 * Reads content written by {@link encodeInvoiceContent}. The column is only ever written by facteur, so the shape is
 * trusted; the decimals are rebuilt exactly from their text.
 */
export function decodeInvoiceContent(text: string): InvoiceContent {
  const raw = JSON.parse(text) as Stored;
  const taxCurrency = raw.taxCurrency as Stored | undefined;
  const prepaid = optionalDecimal(raw.prepaid).value;
  return {
    ...(raw as unknown as InvoiceContent),
    ...(taxCurrency ? { taxCurrency: { code: String(taxCurrency.code), rate: d(taxCurrency.rate) } } : {}),
    ...(prepaid ? { prepaid } : {}),
    lines: (raw.lines as Stored[]).map(line),
    allowances: (raw.allowances as Stored[]).map(documentAllowance),
    charges: (raw.charges as Stored[]).map(documentAllowance),
  };
}
