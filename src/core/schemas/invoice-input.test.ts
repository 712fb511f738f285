import { describe, expect, it } from "vitest";
import { inputIssues } from "./input-issues.ts";
import { invoiceContentOf, invoiceInputSchema } from "./invoice-input.ts";

const valid = {
  number: "INV-2026-0001",
  customer: "C001",
  issueDate: "2026-11-01",
  lines: [{ name: "Consulting", quantity: "2", unitCode: "HUR", price: "95.125", vatRate: "21" }],
};

describe("invoiceInputSchema", () => {
  it("accepts a minimal invoice and fills defaults", () => {
    const parsed = invoiceInputSchema.parse(valid);
    const content = invoiceContentOf(parsed);
    expect(content.currency).toBe("EUR");
    expect(content.lines[0]?.id).toBe("1");
    expect(content.lines[0]?.netPrice.toFixed()).toBe("95.125");
  });

  it("names every bad field with its JSON path, all at once", () => {
    const input = {
      ...valid,
      issueDate: "2026-02-30",
      lines: [
        { name: "X", quantity: "1,5", price: "10", vatRate: "21" },
        { name: "", quantity: 1, price: 1 },
      ],
    };
    const result = invoiceInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = inputIssues(result.error, "invoices.json", "$.invoices[4]", input);
    const places = issues.map((i) => i.at).sort();
    expect(places).toEqual([
      "$.invoices[4].issueDate",
      "$.invoices[4].lines[0].quantity",
      "$.invoices[4].lines[1].name",
      "$.invoices[4].lines[1].vatRate",
    ]);
    expect(issues.find((i) => i.field === "quantity")?.message).toMatch(/dot as decimal separator/);
    expect(issues.find((i) => i.field === "vatRate")?.message).toBe("is required");
  });

  it("refuses line breaks in single-line fields, which would reach mail headers", () => {
    const result = invoiceInputSchema.safeParse({
      ...valid,
      buyerReference: "PO-1\r\nBcc: victim@example.com",
    });
    expect(result.success).toBe(false);
  });

  it("accepts JSON numbers that a double holds exactly and refuses longer ones", () => {
    const ok = invoiceInputSchema.safeParse({
      ...valid,
      lines: [{ name: "A", quantity: 3, price: 19.99, vatRate: 21 }],
    });
    expect(ok.success).toBe(true);
    const tooLong = invoiceInputSchema.safeParse({
      ...valid,
      // biome-ignore lint/correctness/noPrecisionLoss: the point is a number that a double cannot hold as written
      lines: [{ name: "A", quantity: 1, price: 12345678901234567.5, vatRate: 21 }],
    });
    expect(tooLong.success).toBe(false);
  });

  it("accepts a date only when the calendar has it (Gregorian leap years)", () => {
    const at = (issueDate: string) => invoiceInputSchema.safeParse({ ...valid, issueDate }).success;
    expect(["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"].map(at)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"].map(at),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("keeps the content's key order, optional fields given or not (the stored content's SHA-256 depends on it)", () => {
    const minimal = invoiceContentOf(invoiceInputSchema.parse(valid));
    expect(Object.keys(minimal)).toEqual([
      "kind",
      "issueDate",
      "currency",
      "notes",
      "precedingInvoices",
      "lines",
      "allowances",
      "charges",
    ]);
    expect(Object.keys(minimal.lines[0] ?? {})).toEqual([
      "id",
      "name",
      "quantity",
      "unitCode",
      "netPrice",
      "vatCategory",
      "vatRate",
      "allowances",
      "charges",
    ]);
    const full = invoiceContentOf(
      invoiceInputSchema.parse({
        ...valid,
        dueDate: "2026-12-01",
        buyerReference: "PO-1",
        prepaid: "1",
        lines: [{ ...valid.lines[0], description: "Advice", baseQuantity: "2", orderLineReference: "7" }],
      }),
    );
    expect(Object.keys(full)).toEqual([
      "kind",
      "issueDate",
      "dueDate",
      "currency",
      "buyerReference",
      "notes",
      "precedingInvoices",
      "lines",
      "allowances",
      "charges",
      "prepaid",
    ]);
    expect(Object.keys(full.lines[0] ?? {})).toEqual([
      "id",
      "name",
      "description",
      "quantity",
      "unitCode",
      "netPrice",
      "baseQuantity",
      "vatCategory",
      "vatRate",
      "orderLineReference",
      "allowances",
      "charges",
    ]);
  });

  it("requires a credit note to name the invoice it credits", () => {
    const result = invoiceInputSchema.safeParse({ ...valid, kind: "credit-note" });
    expect(result.success).toBe(false);
    expect(
      invoiceInputSchema.safeParse({ ...valid, kind: "credit-note", precedingInvoices: [] }).success,
    ).toBe(false);
  });

  it("gives the lists an input leaves out as empty lists in its content, given as undefined or not at all", () => {
    for (const input of [
      valid,
      { ...valid, notes: undefined, precedingInvoices: undefined, allowances: undefined, charges: undefined },
    ]) {
      const content = invoiceContentOf(invoiceInputSchema.parse(input));
      expect([content.notes, content.precedingInvoices, content.allowances, content.charges]).toEqual([
        [],
        [],
        [],
        [],
      ]);
      expect([content.lines[0]?.allowances, content.lines[0]?.charges]).toEqual([[], []]);
    }
  });

  it("adds a default due date as the last key, as the import's stored content has always had it, and only when none is given", () => {
    const minimal = invoiceInputSchema.parse(valid);
    const full = invoiceInputSchema.parse({ ...valid, buyerReference: "PO-1", prepaid: "1.00" });
    for (const input of [minimal, full]) {
      const spread = { ...invoiceContentOf(input), dueDate: "2026-12-31" };
      const given = invoiceContentOf(input, "2026-12-31");
      expect(Object.keys(given)).toEqual(Object.keys(spread));
      expect(JSON.stringify(given)).toBe(JSON.stringify(spread));
    }
    const due = invoiceInputSchema.parse({ ...valid, dueDate: "2026-12-15" });
    expect(invoiceContentOf(due, "2026-12-31")).toEqual(invoiceContentOf(due));
    expect(invoiceContentOf(due, "2026-12-31").dueDate).toBe("2026-12-15");
  });

  it("refuses unknown fields so typos are not silently ignored", () => {
    const input = { ...valid, dueDat: "2026-12-01" };
    const result = invoiceInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(inputIssues(result.error, "f", "$", input)[0]?.message).toMatch(/unknown field\(s\): dueDat/);
  });
});
