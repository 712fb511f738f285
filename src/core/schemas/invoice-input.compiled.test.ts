import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretedInvoiceInputSchema, invoiceInputSchema } from "./invoice-input.ts";

/** Anything a JSON file or a CSV cell could put in a field, the wrong kinds included. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, false, [], {}, undefined),
);

/** A text value near its limits: blank, padded, too long, with a slash, a control character or a line break. */
const text = fc.oneof(
  fc.constantFrom("INV-1", " C1 ", "", "   ", "a/b", "a b", "x\u0001", "a\nb", "Note\nline 2", "a\\b", "EUR"),
  fc.string({ maxLength: 70 }),
  fc.string({ minLength: 190, maxLength: 210 }),
  fc.stringMatching(/^[A-Za-z0-9 -]{1,12}$/),
  anyValue,
);

const decimal = fc.oneof(
  fc.constantFrom(
    "12.50",
    " 1 ",
    "1,5",
    "1.000,00",
    "-1",
    "0",
    "0.00",
    "1e3",
    "12.1234567",
    "95.125",
    "",
    "abc",
  ),
  fc.stringMatching(/^-?\d{1,4}(\.\d{1,9})?$/),
  fc.integer({ min: -3, max: 100 }),
  fc.double({ min: -10, max: 1e6 }),
  fc.constantFrom(1e21, Number.NaN, 0.1 + 0.2),
  anyValue,
);

const date = fc.oneof(
  fc.constantFrom(
    "2026-11-01",
    "2026-02-29",
    "2024-02-29",
    "2026-02-30",
    "2026-13-01",
    " 2026-11-30 ",
    "2026-1-1",
  ),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  anyValue,
);

const code = fc.oneof(
  fc.constantFrom(
    "EUR",
    "USD",
    "XXX",
    "eur",
    "C62",
    "HUR",
    "hur",
    "KGM",
    "S",
    "Z",
    "E",
    "AE",
    "K",
    "G",
    "O",
    "L",
    "M",
  ),
  fc.constantFrom("invoice", "credit-note", "s", " S ", "Q"),
  text,
);

/** A record whose keys may be missing, misspelt or of any kind: the invalid inputs are the interesting ones. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.constantFrom("Number", "extra", "vat_rate"), { freq: 8 }),
    )
    .map(([value, extra]) => (extra === null ? value : { ...value, [extra]: "x" }));
}

const period = fc.oneof(record({ start: date, end: date }), anyValue);

const allowance = fc.oneof(
  record({
    amount: decimal,
    percentage: decimal,
    baseAmount: decimal,
    reason: text,
    reasonCode: text,
    vatCategory: code,
    vatRate: decimal,
  }),
  anyValue,
);

const list = <T>(item: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) }, anyValue);

const line = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: text, quantity: decimal, price: decimal, vatRate: decimal }) },
  {
    weight: 6,
    arbitrary: record({
      id: text,
      name: text,
      description: text,
      sellersItemId: text,
      quantity: decimal,
      unitCode: code,
      price: decimal,
      baseQuantity: decimal,
      vatCategory: code,
      vatRate: decimal,
      period,
      orderLineReference: text,
      allowances: list(allowance),
      charges: list(allowance),
    }),
  },
  anyValue,
);

const invoice = record({
  number: text,
  kind: code,
  customer: text,
  issueDate: date,
  dueDate: date,
  currency: code,
  taxCurrency: fc.oneof(record({ code, rate: decimal }), anyValue),
  buyerReference: text,
  orderReference: text,
  notes: list(text),
  precedingInvoices: list(fc.oneof(record({ number: text, issueDate: date }), anyValue)),
  invoicingPeriod: period,
  lines: list(line),
  allowances: list(allowance),
  charges: list(allowance),
  prepaid: decimal,
  exemptionReasons: fc.oneof(
    fc.dictionary(fc.constantFrom("S", "Z", "E", "AE", "s", "Q", "lines"), text, { maxKeys: 3 }),
    anyValue,
  ),
  structuredCommunication: text,
});

/** Mostly valid invoices with one field replaced, so that the fast path is taken often and refused near its edges. */
const nearlyValid = fc
  .tuple(
    fc.record({
      number: fc.stringMatching(/^[A-Z]{1,3}-\d{1,5}$/),
      customer: fc.stringMatching(/^C\d{1,4}$/),
      issueDate: fc.constant("2026-11-01"),
      lines: fc.array(
        fc.record({
          name: fc.constantFrom("Item 1", " Consulting "),
          quantity: fc.constantFrom("1", "2.5", 3),
          unitCode: fc.constantFrom("C62", "HUR"),
          price: fc.constantFrom("10", "95.125", "0"),
          vatCategory: fc.constantFrom("S", "Z"),
          vatRate: fc.constantFrom("21", "0", "6"),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    invoice,
    fc.constantFrom(
      "number",
      "kind",
      "customer",
      "issueDate",
      "dueDate",
      "currency",
      "taxCurrency",
      "notes",
      "lines",
      "allowances",
      "prepaid",
      "exemptionReasons",
    ),
  )
  .map(([base, other, key]) =>
    key in other ? { ...base, [key]: (other as Record<string, unknown>)[key] } : { ...base },
  );

/** Output compared with its key order, which the stored content and its hash depend on. */
const inOrder = (value: unknown) => JSON.stringify(value);

describe("the compiled invoice input schema", () => {
  it("accepts, refuses, outputs and reports exactly what zod's interpreter does", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(invoice, nearlyValid), (input) => {
        const compiled = invoiceInputSchema.safeParse(input);
        const interpreted = interpretedInvoiceInputSchema.safeParse(input);
        expect(compiled.success).toBe(interpreted.success);
        if (compiled.success && interpreted.success) {
          accepted++;
          expect(compiled.data).toStrictEqual(interpreted.data);
          expect(inOrder(compiled.data)).toBe(inOrder(interpreted.data));
        } else {
          expect(compiled.error?.issues).toStrictEqual(interpreted.error?.issues);
        }
      }),
      { numRuns: 3000 },
    );
    // The generators must reach the fast path's successes, not only its refusals.
    expect(accepted).toBeGreaterThan(300);
  });
});
