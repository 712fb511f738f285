import { describe, expect, it } from "vitest";
import { dec } from "../../../core/money/decimal.ts";
import { findingsOf, firedRules } from "../testing/fired-rules.ts";
import { minimalInvoice, minimalLine } from "../testing/minimal-invoice.ts";

describe("EN 16931 core rules (BR-01..BR-67)", () => {
  it("find nothing to report on a complete invoice", () => {
    expect(firedRules(minimalInvoice())).toEqual([]);
  });

  it("report a missing invoice number as BR-02 at cbc:ID, with the official message", () => {
    const [finding] = findingsOf(minimalInvoice({ number: undefined }), "BR-02");
    expect(finding).toEqual({
      rule: "BR-02",
      severity: "fatal",
      location: "/Invoice/cbc:ID",
      message: "An Invoice shall have an Invoice number (BT-1).",
    });
  });

  it("treat a whitespace-only invoice number as missing, as normalize-space does", () => {
    expect(firedRules(minimalInvoice({ number: "  " }))).toContain("BR-02");
  });

  it("require a seller country code only when the seller has a postal address (BR-08, BR-09)", () => {
    const doc = minimalInvoice();
    expect(firedRules({ ...doc, seller: { ...doc.seller, address: { city: "Namur" } } })).toContain("BR-09");
    const fired = firedRules({ ...doc, seller: { ...doc.seller, address: undefined } });
    expect(fired).toContain("BR-08");
    expect(fired).not.toContain("BR-09");
  });

  it("locate a negative item net price on its line (BR-27)", () => {
    const lines = [minimalLine(), minimalLine({ id: "2", price: { netPrice: dec("-1") } })];
    const findings = findingsOf(minimalInvoice({ lines }), "BR-27");
    expect(findings.map((f) => f.location)).toEqual([
      "/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount",
    ]);
  });

  it("name credit note lines CreditNoteLine in locations", () => {
    const doc = minimalInvoice({
      kind: "credit-note",
      typeCode: "381",
      lines: [minimalLine({ id: undefined })],
    });
    expect(findingsOf(doc, "BR-21").map((f) => f.location)).toEqual([
      "/CreditNote/cac:CreditNoteLine[1]/cbc:ID",
    ]);
  });

  it("accept an invoicing period ending on its start date but not before it (BR-29)", () => {
    expect(
      firedRules(minimalInvoice({ invoicingPeriod: { start: "2026-01-01", end: "2026-01-01" } })),
    ).toEqual([]);
    expect(
      firedRules(minimalInvoice({ invoicingPeriod: { start: "2026-01-02", end: "2026-01-01" } })),
    ).toEqual(["BR-29"]);
  });

  it("require a payee name unless the payee is absent (BR-17)", () => {
    expect(firedRules(minimalInvoice({ payee: {} }))).toContain("BR-17");
    expect(firedRules(minimalInvoice({ payee: { name: "Factor NV" } }))).not.toContain("BR-17");
  });

  it("require an account for a credit transfer, but not for a direct debit (BR-61)", () => {
    const transfer = minimalInvoice({ paymentMeans: [{ code: "58", creditTransfers: [] }] });
    expect(firedRules(transfer)).toContain("BR-61");
    const debit = minimalInvoice({
      paymentMeans: [{ code: "59", creditTransfers: [], directDebit: { mandateId: "M1" } }],
    });
    expect(firedRules(debit)).not.toContain("BR-61");
  });

  it("warn, not fail, when a card number longer than ten characters is shown (BR-51)", () => {
    const doc = minimalInvoice({
      paymentMeans: [{ code: "48", creditTransfers: [], card: { accountNumber: "4111111111111111" } }],
    });
    expect(findingsOf(doc, "BR-51").map((f) => f.severity)).toEqual(["warning"]);
  });

  it("allow only one payment card account and one mandate (BR-66, BR-67)", () => {
    const card = { code: "48", creditTransfers: [], card: { accountNumber: "1234" } };
    expect(firedRules(minimalInvoice({ paymentMeans: [card, card] }))).toContain("BR-66");
    const debit = { code: "59", creditTransfers: [], directDebit: { mandateId: "M1" } };
    expect(firedRules(minimalInvoice({ paymentMeans: [debit, debit] }))).toContain("BR-67");
  });

  it("require an item attribute to have both a name and a value (BR-54)", () => {
    const line = minimalLine({
      item: { name: "Chair", classifications: [], attributes: [{ name: "Colour", value: "" }] },
    });
    expect(firedRules(minimalInvoice({ lines: [line] }))).toEqual(["BR-54"]);
  });
});
