import { z } from "zod";
import type { ContentLine, InvoiceContent } from "../invoice/invoice-content.ts";
import { VAT_CATEGORIES } from "../invoice/vat-category.ts";
import { isCurrencyCode } from "../money/currency.ts";
import { decimal, isoDate, multilineText, text } from "./fields.ts";

// Regular expressions as constants: a literal inside a function is a new RegExp object on every call.
const UNIT_CODE = /^[A-Z0-9]{2,3}$/;
const INVOICE_NUMBER = /^[^\s/\\]+$/;

const period = z
  .object({ start: isoDate.optional(), end: isoDate.optional() })
  .strict()
  .refine((p) => !p.start || !p.end || p.start <= p.end, { message: "end is before start", path: ["end"] });

const allowanceOrCharge = {
  amount: decimal({ maxPlaces: 2, min: "non-negative" }).optional(),
  percentage: decimal({ maxPlaces: 4, min: "non-negative" }).optional(),
  baseAmount: decimal({ maxPlaces: 2 }).optional(),
  reason: text(200).optional(),
  reasonCode: text(8).optional(),
};

/** EN 16931 needs an amount (or a percentage to compute it) and a reason text or code (BR-33/34, BR-38/39, BR-41/42). */
function completeAllowance<
  T extends { amount?: unknown; percentage?: unknown; reason?: unknown; reasonCode?: unknown },
>(value: T, ctx: z.RefinementCtx): void {
  if (value.amount === undefined && value.percentage === undefined) {
    ctx.addIssue({ code: "custom", message: "needs an amount or a percentage", path: ["amount"] });
  }
  if (value.reason === undefined && value.reasonCode === undefined) {
    ctx.addIssue({ code: "custom", message: "needs a reason or a reason code", path: ["reason"] });
  }
}

const lineAllowance = z.object(allowanceOrCharge).strict().superRefine(completeAllowance);

const vatCategory = z.enum(VAT_CATEGORIES, { message: `expected one of ${VAT_CATEGORIES.join(", ")}` });

const documentAllowance = z
  .object({
    ...allowanceOrCharge,
    vatCategory: vatCategory.default("S"),
    vatRate: decimal({ maxPlaces: 2, min: "non-negative" }),
  })
  .strict()
  .superRefine(completeAllowance);

const line = z
  .object({
    id: text(64).optional(),
    name: text(200),
    description: multilineText(1000).optional(),
    sellersItemId: text(64).optional(),
    quantity: decimal({ maxPlaces: 6 }),
    unitCode: text(3)
      .refine((v) => UNIT_CODE.test(v), "expected a UN/ECE Rec 20 unit code such as C62, HUR or KGM")
      .default("C62"),
    price: decimal({ maxPlaces: 6, min: "non-negative" }),
    baseQuantity: decimal({ maxPlaces: 6, min: "positive" }).optional(),
    vatCategory: vatCategory.default("S"),
    vatRate: decimal({ maxPlaces: 2, min: "non-negative" }),
    period: period.optional(),
    orderLineReference: text(64).optional(),
    allowances: z.array(lineAllowance).max(50).optional(),
    charges: z.array(lineAllowance).max(50).optional(),
  })
  .strict();

/**
 * {@link invoiceInputSchema} on zod's interpreter: the reference that the compiled schema is tested against, and what
 * it falls back to for an input its fast path does not accept.
 */
export const interpretedInvoiceInputSchema = z
  .object({
    number: text(64).refine((v) => INVOICE_NUMBER.test(v), "must not contain spaces or slashes"),
    kind: z.enum(["invoice", "credit-note"]).default("invoice"),
    customer: text(64),
    issueDate: isoDate,
    dueDate: isoDate.optional(),
    currency: text(3).refine(isCurrencyCode, "expected an ISO 4217 currency code such as EUR").default("EUR"),
    taxCurrency: z
      .object({
        code: text(3).refine(isCurrencyCode, "expected an ISO 4217 currency code"),
        rate: decimal({ maxPlaces: 8, min: "positive" }),
      })
      .strict()
      .optional(),
    buyerReference: text(200).optional(),
    orderReference: text(200).optional(),
    notes: z.array(multilineText(2000)).max(20).optional(),
    precedingInvoices: z
      .array(z.object({ number: text(64), issueDate: isoDate.optional() }).strict())
      .optional(),
    invoicingPeriod: period.optional(),
    lines: z.array(line).min(1, "an invoice needs at least one line").max(100_000),
    allowances: z.array(documentAllowance).max(50).optional(),
    charges: z.array(documentAllowance).max(50).optional(),
    prepaid: decimal({ maxPlaces: 2, min: "non-negative" }).optional(),
    exemptionReasons: z.partialRecord(vatCategory, text(500)).optional(),
    structuredCommunication: text(30).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.dueDate && v.dueDate < v.issueDate) {
      ctx.addIssue({ code: "custom", message: "is before the issue date", path: ["dueDate"] });
    }
    if (v.kind === "credit-note" && !v.precedingInvoices?.length) {
      ctx.addIssue({
        code: "custom",
        message: "a credit note must name the invoice it credits",
        path: ["precedingInvoices"],
      });
    }
    if (v.taxCurrency && v.taxCurrency.code === v.currency) {
      ctx.addIssue({
        code: "custom",
        message: "differs from the invoice currency or is left out",
        path: ["taxCurrency", "code"],
      });
    }
  });

/**
 * One invoice or credit note as it is imported (JSON, JSON Lines, or CSV rows grouped by number) and accepted by the
 * API. Shared by every entry point. Totals are never given: facteur computes them.
 *
 * Compiled by zod (z.compile): a valid input takes generated code that builds the output without zod's per-field
 * payloads; an invalid one is parsed again by the interpreter, so issues are zod's own. Measured on 100,000 CSV
 * invoices of five lines: parsing 9 -> 4 µs CPU per invoice, and the whole import stage in one thread 77-80 -> 64-66
 * (less to collect). `strict` so that a change zod cannot compile fails at load (and in the tests) instead of silently
 * losing the fast path.
 */
export const invoiceInputSchema = z.compile(interpretedInvoiceInputSchema, { strict: true });

export type InvoiceInput = z.output<typeof invoiceInputSchema>;

type LineInput = InvoiceInput["lines"][number];

/**
 * The lists an input leaves out are empty in its content. The schema leaves them out rather than defaulting them to
 * `[]`: zod's default costs a call and a fresh array per list, fourteen per invoice of five lines (measured: 3.5 ->
 * 2.8 µs CPU per parse). One frozen array serves them all; content is read-only.
 */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The content of one line. Its keys are in a fixed order (the stored content and its SHA-256 depend on it); a line
 * with none of the optional fields, the usual case, is one object literal instead of a chain of spreads.
 */
function contentLine(l: LineInput, i: number): ContentLine {
  if (!l.description && !l.sellersItemId && !l.baseQuantity && !l.period && !l.orderLineReference) {
    return {
      id: l.id ?? String(i + 1),
      name: l.name,
      quantity: l.quantity,
      unitCode: l.unitCode,
      netPrice: l.price,
      vatCategory: l.vatCategory,
      vatRate: l.vatRate,
      allowances: l.allowances ?? NONE,
      charges: l.charges ?? NONE,
    };
  }
  return {
    id: l.id ?? String(i + 1),
    name: l.name,
    ...(l.description ? { description: l.description } : {}),
    ...(l.sellersItemId ? { sellersItemId: l.sellersItemId } : {}),
    quantity: l.quantity,
    unitCode: l.unitCode,
    netPrice: l.price,
    ...(l.baseQuantity ? { baseQuantity: l.baseQuantity } : {}),
    vatCategory: l.vatCategory,
    vatRate: l.vatRate,
    ...(l.period ? { period: l.period } : {}),
    ...(l.orderLineReference ? { orderLineReference: l.orderLineReference } : {}),
    allowances: l.allowances ?? NONE,
    charges: l.charges ?? NONE,
  };
}

/**
 * Turns validated input into the content from which every amount is computed; line ids default to positions. An
 * input without a due date gets `defaultDueDate` when one is given, as the last key: where imports have always put it
 * (stored content and its SHA-256 depend on the key order), set here rather than by spreading the content into a
 * copy, which costs an import about 1 µs per invoice on Node 20.
 */
export function invoiceContentOf(input: InvoiceInput, defaultDueDate?: string): InvoiceContent {
  const lines: ContentLine[] = [];
  for (let i = 0; i < input.lines.length; i++) lines.push(contentLine(input.lines[i] as LineInput, i));
  const { dueDate, taxCurrency, buyerReference, orderReference, invoicingPeriod, prepaid, exemptionReasons } =
    input;
  if (
    !dueDate &&
    !taxCurrency &&
    !buyerReference &&
    !orderReference &&
    !invoicingPeriod &&
    !prepaid &&
    !exemptionReasons
  ) {
    const content: { -readonly [K in keyof InvoiceContent]: InvoiceContent[K] } = {
      kind: input.kind,
      issueDate: input.issueDate,
      currency: input.currency,
      notes: input.notes ?? NONE,
      precedingInvoices: input.precedingInvoices ?? NONE,
      lines,
      allowances: input.allowances ?? NONE,
      charges: input.charges ?? NONE,
    };
    if (defaultDueDate !== undefined) content.dueDate = defaultDueDate;
    return content;
  }
  return {
    kind: input.kind,
    issueDate: input.issueDate,
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    currency: input.currency,
    ...(input.taxCurrency ? { taxCurrency: input.taxCurrency } : {}),
    ...(input.buyerReference ? { buyerReference: input.buyerReference } : {}),
    ...(input.orderReference ? { orderReference: input.orderReference } : {}),
    notes: input.notes ?? NONE,
    precedingInvoices: input.precedingInvoices ?? NONE,
    ...(input.invoicingPeriod ? { invoicingPeriod: input.invoicingPeriod } : {}),
    lines,
    allowances: input.allowances ?? NONE,
    charges: input.charges ?? NONE,
    ...(input.prepaid ? { prepaid: input.prepaid } : {}),
    ...(input.exemptionReasons ? { exemptionReasons: input.exemptionReasons } : {}),
    ...(!input.dueDate && defaultDueDate !== undefined ? { dueDate: defaultDueDate } : {}),
  };
}
