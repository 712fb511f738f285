import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { MessageArchive } from "../../src/app/ports/message-archive.ts";
import type { Store } from "../../src/app/ports/store.ts";
import { renderInvoiceDocuments } from "../../src/app/render-invoice-documents.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import type { InvoiceRecord } from "../../src/core/invoice/invoice-record.ts";
import { documentValidator } from "../../src/documents/document-validator.ts";
import { invoiceRenderer } from "../../src/documents/invoice-renderer.ts";
import { pdfAttachments, pdfText } from "../../src/documents/pdf/testing/poppler.ts";
import { SAMPLE_BUYER, sampleContent } from "../../src/documents/pdf/testing/sample-invoice.ts";
import { validateUbl } from "../../src/documents/validation/validate-ubl.ts";
import { createStore } from "../../src/store/create-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { defaultSeller } from "../support/seller.ts";

const AT = new Date("2026-03-14T10:00:00.000Z");
const FIGURES = { lineCount: 4, taxExclusive: 0n, tax: 0n, payable: 0n };

function record(number: string, overrides: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    id: randomUUID(),
    customerNumber: SAMPLE_BUYER.number,
    number,
    status: "issued",
    content: sampleContent(),
    structuredCommunication: "202600012320",
    issuedAt: AT.toISOString(),
    ...overrides,
  };
}

describeEachEngine("renderInvoiceDocuments", (engine) => {
  let store: Store;
  let archive: MessageArchive;
  let puts = 0;
  const render = (number: string) =>
    renderInvoiceDocuments(
      {
        store,
        archive: {
          put: (raw) => {
            puts++;
            return archive.put(raw);
          },
        },
        validator: documentValidator,
        renderer: invoiceRenderer,
        seller: defaultSeller(),
        now: () => AT,
      },
      number,
    );

  beforeAll(async () => {
    store = createStore(engine.db);
    archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-documents-")));
    await store.transaction(async (unit) => {
      await unit.upsertCustomer(SAMPLE_BUYER, AT);
      await unit.insertRecipient(
        {
          id: randomUUID(),
          customerNumber: SAMPLE_BUYER.number,
          role: "invoice-mailbox",
          email: "facturen@brasserie.example",
          name: null,
          status: "active",
          statusReason: null,
        },
        AT,
      );
      const items = [
        record("2026-000123"),
        record("2026-000124", { status: "draft", structuredCommunication: null, issuedAt: null }),
        record("2026-000125", { content: sampleContent({ exemptionReasons: {} }) }),
        record("2026-000126", { structuredCommunication: "202600012623" }),
      ];
      await unit.saveInvoices(
        items.map((r) => ({ record: r, figures: FIGURES, source: "test" })),
        AT,
      );
    });
  });

  it("validates, renders and stores the UBL and the PDF with their SHA-256", async () => {
    const result = await render("2026-000123");
    if (!result.ok) throw new Error(result.error.message);
    const { ubl, pdf, created } = result.value;
    expect(created).toBe(true);
    expect(await store.invoiceDocuments(ubl.invoiceId)).toEqual([ubl, pdf]);
    const xml = await archive.get(ubl.sha256);
    const pdfBytes = await archive.get(pdf.sha256);
    if (xml === null || pdfBytes === null) throw new Error("the archive does not hold the documents");
    expect([xml.length, pdfBytes.length]).toEqual([ubl.size, pdf.size]);
    const validation = validateUbl(xml);
    expect(validation.findings.filter((f) => f.severity === "fatal")).toEqual([]);
    expect(validation.document?.number).toBe("2026-000123");
    expect(validation.document?.buyer.endpoint).toEqual({ scheme: "0208", value: "0417497106" });
    expect(validation.document?.paymentMeans[0]?.remittanceInformation).toBe("+++202/6000/12320+++");
    expect(pdfText(pdfBytes)).toContain("Factuurnummer");
    expect(pdfAttachments(pdfBytes)).toEqual([{ name: "2026-000123.xml", content: xml }]);
  });

  it("stores nothing the second time and gives back the documents of the first", async () => {
    const first = await render("2026-000123");
    const before = puts;
    const again = await render("2026-000123");
    if (!first.ok || !again.ok) throw new Error("rendering failed");
    expect(puts).toBe(before);
    expect(again.value.created).toBe(false);
    expect([again.value.ubl, again.value.pdf]).toEqual([first.value.ubl, first.value.pdf]);
    expect(await store.invoiceDocuments(first.value.ubl.invoiceId)).toHaveLength(2);
  });

  it("records the documents once when two renderings run at the same time", async () => {
    const invoice = await store.getInvoice("2026-000126");
    if (invoice === null) throw new Error("no invoice");
    expect(await store.invoiceDocuments(invoice.id)).toEqual([]);
    const [a, b] = await Promise.all([render("2026-000126"), render("2026-000126")]);
    if (!a.ok || !b.ok) throw new Error("rendering failed");
    expect([a.value.ubl, a.value.pdf]).toEqual([b.value.ubl, b.value.pdf]);
    expect(a.value.created || b.value.created).toBe(true);
    expect(await store.invoiceDocuments(invoice.id)).toHaveLength(2);
  });

  it("refuses an invoice with a blocking finding, naming the rule, and stores nothing", async () => {
    const result = await render("2026-000125");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-input");
    expect(result.error.findings.map((f) => f.rule)).toContain("BR-E-10");
    const invoice = await store.getInvoice("2026-000125");
    expect(await store.invoiceDocuments(invoice?.id ?? "")).toEqual([]);
  });

  it("refuses a draft and an unknown invoice", async () => {
    const draft = await render("2026-000124");
    const unknown = await render("2026-999999");
    expect(draft.ok || draft.error.code).toBe("invalid-state");
    expect(unknown.ok || unknown.error.code).toBe("not-found");
  });
});
