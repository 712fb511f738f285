import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { dec } from "../../core/money/decimal.ts";
import { readUbl } from "../ubl/read-ubl.ts";
import { arbitraryInvoice } from "../ubl/testing/arbitrary-invoice.ts";
import { writeUbl } from "../ubl/write-ubl.ts";
import { minimalInvoice, minimalLine } from "./testing/minimal-invoice.ts";
import { implementedRules, validateDocument } from "./validate-document.ts";

/** CPU milliseconds spent by `run`: the machine is shared, so wall time would measure the neighbours too. */
function cpuMilliseconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A valid invoice with `count` identical lines and matching totals. */
function invoiceWithLines(count: number): InvoiceDocument {
  const lines = Array.from({ length: count }, (_, i) => minimalLine({ id: String(i + 1) }));
  const net = dec("100.00").times(count);
  const tax = dec("21.00").times(count);
  return minimalInvoice({
    lines,
    totals: { lineNet: net, taxExclusive: net, tax, taxInclusive: net.plus(tax), payable: net.plus(tax) },
    vatBreakdown: [{ taxableAmount: net, taxAmount: tax, category: "S", rate: dec("21") }],
  });
}

describe("validateDocument", () => {
  it("reports on each document alone, also after a validation that threw", () => {
    const broken = { ...minimalInvoice(), lines: undefined } as unknown as InvoiceDocument;
    const faulty = minimalInvoice({ lines: [minimalLine({ id: "1", unitCode: "NOT-A-UNIT" })] });
    const before = validateDocument(faulty);
    expect(before.length).toBeGreaterThan(0);
    expect(() => validateDocument(broken)).toThrow(TypeError);
    expect(validateDocument(faulty)).toEqual(before);
    expect(validateDocument(invoiceWithLines(2))).toEqual([]);
  });

  it("lists each implemented rule once, with its family, severity and message", () => {
    const rules = implementedRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.find((r) => r.id === "BR-51")?.severity).toBe("warning");
    expect(rules.find((r) => r.id === "PEPPOL-COMMON-R043")).toMatchObject({
      family: "PEPPOL",
      severity: "fatal",
    });
    for (const rule of rules) expect(rule.message, rule.id).not.toMatch(/^\[|^\s|\s$/);
  });

  it("reports every violation with its official id, severity, location and message", () => {
    const findings = validateDocument(minimalInvoice({ currency: undefined, lines: [] }));
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["BR-05", "BR-16"]));
    for (const finding of findings) {
      expect(finding.location).toMatch(/^\/Invoice/);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });

  it("validates a 1,000-line invoice in less than 50 ms of CPU time", () => {
    const doc = invoiceWithLines(1000);
    expect(validateDocument(doc)).toEqual([]);
    for (let i = 0; i < 5; i++) validateDocument(doc);
    const runs = 10;
    const perValidation =
      cpuMilliseconds(() => {
        for (let i = 0; i < runs; i++) validateDocument(doc);
      }) / runs;
    expect(perValidation).toBeLessThan(50);
  });

  it("validates 10-line invoices at more than a thousand per second of CPU time", () => {
    const doc = invoiceWithLines(10);
    for (let i = 0; i < 200; i++) validateDocument(doc);
    const runs = 2000;
    const milliseconds = cpuMilliseconds(() => {
      for (let i = 0; i < runs; i++) validateDocument(doc);
    });
    expect((runs * 1000) / milliseconds).toBeGreaterThan(1000);
  });

  it("finds no fatal finding in any invoice or credit note facteur generates, before and after UBL", () => {
    fc.assert(
      fc.property(arbitraryInvoice({ maxLines: 12 }), ({ document }) => {
        const fatal = (doc: InvoiceDocument) =>
          validateDocument(doc)
            .filter((f) => f.severity === "fatal")
            .map((f) => `${f.rule} at ${f.location}`);
        expect(fatal(document)).toEqual([]);
        const written = writeUbl(document);
        if (!written.ok) throw new Error(written.error.message);
        const read = readUbl(written.value);
        if (!read.ok) throw new Error(read.error.message);
        expect(fatal(read.value)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
