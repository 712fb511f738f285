import { describe, expect, it } from "vitest";
import type { InvoiceDocument } from "../core/invoice/invoice.ts";
import type { DocumentFinding } from "./ports/document-validator.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import { renderDocumentPair } from "./render-document-pair.ts";

const DOCUMENT = { number: "F-1" } as InvoiceDocument;

function finding(rule: string, severity: "fatal" | "warning" = "fatal"): DocumentFinding {
  return { rule, severity, location: "/Invoice", message: `${rule} broken` };
}

function renderer(ubl: ReturnType<InvoiceRenderer["ubl"]> = { ok: true, xml: "<Invoice/>" }) {
  const calls: unknown[] = [];
  const fake: InvoiceRenderer = {
    ubl: () => ubl,
    pdf: async (_document, options) => {
      calls.push(options);
      return Buffer.from("%PDF");
    },
  };
  return { fake, calls };
}

describe("renderDocumentPair", () => {
  it("renders the UBL and a PDF with that UBL attached when only warnings are found", async () => {
    const { fake, calls } = renderer();
    const validator = { validate: () => [finding("BR-CO-X", "warning")] };
    const result = await renderDocumentPair({ validator, renderer: fake }, DOCUMENT, {
      language: "nl",
      channel: "email",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ubl: Buffer.from("<Invoice/>"),
        pdf: Buffer.from("%PDF"),
        findings: [finding("BR-CO-X", "warning")],
      },
    });
    expect(calls).toEqual([{ language: "nl", copy: false, attachUbl: "<Invoice/>" }]);
  });

  it("blocks on a Peppol rule only for a customer on Peppol, and renders nothing then", async () => {
    const { fake, calls } = renderer();
    const validator = { validate: () => [finding("PEPPOL-EN16931-R010")] };
    const byMail = await renderDocumentPair({ validator, renderer: fake }, DOCUMENT, {
      language: "fr",
      channel: "email",
    });
    const byPeppol = await renderDocumentPair({ validator, renderer: fake }, DOCUMENT, {
      language: "fr",
      channel: "peppol",
    });
    expect(byMail.ok).toBe(true);
    expect(byPeppol.ok || [byPeppol.error.code, byPeppol.error.message]).toEqual([
      "blocking-findings",
      "F-1 breaks PEPPOL-EN16931-R010",
    ]);
    expect(calls).toHaveLength(1);
  });

  it("refuses a document whose text UBL cannot carry, with the writer's message", async () => {
    const { fake } = renderer({ ok: false, message: "notes contains U+0007" });
    const result = await renderDocumentPair({ validator: { validate: () => [] }, renderer: fake }, DOCUMENT, {
      language: "en",
      channel: "email",
    });
    expect(result.ok || [result.error.code, result.error.message]).toEqual([
      "unwritable",
      "notes contains U+0007",
    ]);
  });
});
