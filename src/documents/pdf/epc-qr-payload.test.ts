import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIban } from "../../core/identifiers/iban.ts";
import { parseOgm } from "../../core/identifiers/ogm.ts";
import type { InvoiceDocument, PaymentMeans } from "../../core/invoice/invoice.ts";
import { dec } from "../../core/money/decimal.ts";
import { EPC_MAX_PAYLOAD_BYTES, epcQrPayload } from "./epc-qr-payload.ts";
import { SAMPLE_OGM, sampleInvoice } from "./testing/sample-invoice.ts";

/** Reads a payload back by the rules of EPC069-12 and fails on anything a banking app would refuse. */
function readEpc(payload: string) {
  const lines = payload.split("\n");
  expect(lines.length).toBeGreaterThanOrEqual(7);
  expect(lines.length).toBeLessThanOrEqual(12);
  const [
    tag,
    version,
    charset,
    id,
    bic = "",
    name = "",
    iban = "",
    amount = "",
    purpose = "",
    ref = "",
    text = "",
  ] = lines;
  expect([tag, version, charset, id]).toEqual(["BCD", "002", "1", "SCT"]);
  expect(bic).toMatch(/^([A-Z0-9]{8}|[A-Z0-9]{11})?$/);
  expect([...name].length).toBeGreaterThanOrEqual(1);
  expect([...name].length).toBeLessThanOrEqual(70);
  expect(parseIban(iban)).toEqual({ ok: true, value: iban });
  expect(amount).toMatch(/^EUR\d{1,9}\.\d{2}$/);
  expect(purpose).toBe("");
  expect(ref === "" || text === "").toBe(true);
  expect(ref.length).toBeLessThanOrEqual(35);
  expect([...text].length).toBeLessThanOrEqual(140);
  expect(new TextEncoder().encode(payload).length).toBeLessThanOrEqual(EPC_MAX_PAYLOAD_BYTES);
  expect(payload.endsWith("\n")).toBe(false);
  return { bic, name, iban, amount: dec(amount.slice(3)), ref, text };
}

function withMeans(doc: InvoiceDocument, means: Partial<PaymentMeans>): InvoiceDocument {
  const first = doc.paymentMeans[0];
  if (!first) throw new Error("sample has no payment means");
  return { ...doc, paymentMeans: [{ ...first, ...means }] };
}

function withPayable(doc: InvoiceDocument, payable: string): InvoiceDocument {
  return { ...doc, totals: { ...doc.totals, payable: dec(payable) } };
}

describe("epcQrPayload", () => {
  it("pays the amount due of the sample invoice to the seller's IBAN with the OGM as structured reference", () => {
    expect(epcQrPayload(sampleInvoice())).toBe(
      [
        "BCD",
        "002",
        "1",
        "SCT",
        "BBRUBEBB",
        "Atelier Céline Dupré SRL",
        "BE68539007547034",
        "EUR2730.54",
        "",
        SAMPLE_OGM,
      ].join("\n"),
    );
  });

  it("puts the OGM's 12 digits, valid by modulo 97, in the structured field and leaves the text field out", () => {
    const epc = readEpc(epcQrPayload(sampleInvoice()) ?? "");
    expect(parseOgm(epc.ref)).toEqual({ ok: true, value: epc.ref });
    expect(epc.text).toBe("");
  });

  it("accepts the OGM however the document writes it", () => {
    const doc = withMeans(sampleInvoice(), { remittanceInformation: "***202/6000/12320***" });
    expect(readEpc(epcQrPayload(doc) ?? "").ref).toBe(SAMPLE_OGM);
  });

  it("puts an ISO 11649 creditor reference in the structured field, without spaces", () => {
    const doc = withMeans(sampleInvoice(), { remittanceInformation: "RF18 5390 0754 7034" });
    expect(readEpc(epcQrPayload(doc) ?? "").ref).toBe("RF18539007547034");
  });

  it("puts other remittance text, or else the invoice number, in the unstructured field", () => {
    const text = withMeans(sampleInvoice(), { remittanceInformation: "Facture 2026-000123\nmerci" });
    expect(readEpc(epcQrPayload(text) ?? "")).toMatchObject({ ref: "", text: "Facture 2026-000123 merci" });
    const none = withMeans(sampleInvoice(), { remittanceInformation: undefined });
    expect(readEpc(epcQrPayload(none) ?? "")).toMatchObject({ ref: "", text: "2026-000123" });
  });

  it("leaves the BIC line empty when the seller has no BIC, as version 002 allows", () => {
    const doc = sampleInvoice();
    const transfer = doc.paymentMeans[0]?.creditTransfers[0];
    const noBic = withMeans(doc, { creditTransfers: [{ ...transfer, bic: undefined }] });
    expect(readEpc(epcQrPayload(noBic) ?? "").bic).toBe("");
  });

  it("gives no payload for a credit note, another currency, or nothing to pay", () => {
    const doc = sampleInvoice();
    expect(epcQrPayload({ ...doc, kind: "credit-note", typeCode: "381" })).toBeNull();
    expect(epcQrPayload({ ...doc, currency: "USD" })).toBeNull();
    expect(epcQrPayload(withPayable(doc, "0"))).toBeNull();
    expect(epcQrPayload(withPayable(doc, "0.004"))).toBeNull();
    expect(epcQrPayload(withPayable(doc, "-12.50"))).toBeNull();
    expect(epcQrPayload(withPayable(doc, "1000000000.00"))).toBeNull();
  });

  it("gives no payload for a direct debit or without a valid IBAN", () => {
    const doc = sampleInvoice();
    expect(epcQrPayload(withMeans(doc, { code: "59" }))).toBeNull();
    expect(epcQrPayload(withMeans(doc, { creditTransfers: [{ account: "BE68539007547035" }] }))).toBeNull();
    expect(epcQrPayload(withMeans(doc, { creditTransfers: [] }))).toBeNull();
  });

  it("cuts the beneficiary to 70 characters and long text so the payload fits a version 13 code", () => {
    const doc = sampleInvoice();
    const transfer = { account: "BE68539007547034", accountName: "Łódź ".repeat(30) };
    const long = withMeans(doc, { creditTransfers: [transfer], remittanceInformation: "ő".repeat(200) });
    const epc = readEpc(epcQrPayload(long) ?? "");
    expect([...epc.name].length).toBe(70);
    expect(epc.text.length).toBeGreaterThan(0);
  });

  it("writes every amount from 0.01 to 999999999.99 exactly, with a decimal point", () => {
    const cents = fc.bigInt({ min: 1n, max: 99_999_999_999n });
    const doc = sampleInvoice();
    fc.assert(
      fc.property(cents, (value) => {
        const amount = dec(value).div(100);
        const epc = readEpc(epcQrPayload(withPayable(doc, amount.toFixed(2))) ?? "");
        expect(epc.amount.eq(amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
