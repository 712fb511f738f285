/**
 * PDF rendering benchmark (issue 3): one-page invoices per second in each language, as originals and as copies with
 * the UBL attached, with a logo, and a 300-line invoice, on one core, with the process's first render and peak RSS. The one-page invoices differ
 * from each other (number, customer, quantities, OGM), so that caches only help as much as they would in a batch.
 * Rates are given per second of wall time and per second of CPU time: on a shared machine the second is the one
 * that says what the code costs. A reference loop measured in the same run shows how fast the machine was.
 *   npx tsx bench/documents-pdf.ts [--seconds S]
 * Target: a one-page PDF >= 100/s.
 */

import { fileURLToPath } from "node:url";
import { generateOgm } from "../src/core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../src/core/invoice/build-invoice-document.ts";
import type { InvoiceDocument } from "../src/core/invoice/invoice.ts";
import { LANGUAGES } from "../src/core/language.ts";
import { dec } from "../src/core/money/decimal.ts";
import { type PdfRenderOptions, renderInvoicePdf } from "../src/documents/pdf/render-invoice-pdf.ts";
import {
  manyLineInvoice,
  SAMPLE_BUYER,
  SAMPLE_SELLER,
  sampleContent,
} from "../src/documents/pdf/testing/sample-invoice.ts";

const args = process.argv.slice(2);
const secondsArg = args.indexOf("--seconds");
const SECONDS = secondsArg >= 0 ? Number(args[secondsArg + 1] ?? "3") : 3;
const UBL = `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice>${"<cac:InvoiceLine/>".repeat(200)}</Invoice>`;
const BUYERS = [
  "Brasserie Łukasz Søndergaard & Gőz BV",
  "Boulangerie Émile Nørgaard SRL",
  "Müller & Fils SA",
  "Café Ødegård",
];

/** 64 different one-page invoices: four to eight lines, varying buyers, quantities, numbers and OGMs. */
function invoices(): InvoiceDocument[] {
  const base = sampleContent();
  return Array.from({ length: 64 }, (_, i) => {
    const lines = base.lines
      .slice(0, 2 + (i % 3))
      .map((line, j) => ({ ...line, quantity: dec(String(1 + ((i * 7 + j) % 40))) }));
    const ogm = generateOgm(String(2026_000_000 + i));
    if (!ogm.ok) throw new Error(ogm.error.message);
    return buildInvoiceDocument(
      { ...base, lines },
      {
        number: `2026-${String(1000 + i).padStart(6, "0")}`,
        seller: SAMPLE_SELLER,
        buyer: { ...SAMPLE_BUYER, legalName: BUYERS[i % BUYERS.length] ?? SAMPLE_BUYER.legalName },
        structuredCommunication: ogm.value,
      },
    );
  });
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Renders for about `seconds` after a warm-up of 150 renders (V8 needs about that many before pdfkit's hot paths
 * are compiled; the process's first render is reported on its own); returns PDFs per wall second and per CPU
 * second, and a size.
 */
async function measure(documents: readonly InvoiceDocument[], options: PdfRenderOptions, seconds: number) {
  for (let i = 0; i < 150; i++)
    await renderInvoicePdf(documents[i % documents.length] as InvoiceDocument, options);
  let count = 0;
  let bytes = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  while (performance.now() < start + seconds * 1000) {
    bytes = (await renderInvoicePdf(documents[count % documents.length] as InvoiceDocument, options)).length;
    count++;
  }
  const wall = performance.now() - start;
  const cpu = cpuMs() - cpuStart;
  return { wall: (count * 1000) / wall, cpu: (count * 1000) / cpu, bytes };
}

/** Nanoseconds per iteration of a trivial loop: about 0.3 to 1 on an idle current server core. */
function referenceLoop(): number {
  const start = cpuMs();
  let sum = 0;
  for (let i = 0; i < 200_000_000; i++) sum += i & 7;
  if (sum < 0) throw new Error("unreachable");
  return ((cpuMs() - start) * 1e6) / 200_000_000;
}

const rate = (r: { wall: number; cpu: number }) => `${r.wall.toFixed(0)}/s wall, ${r.cpu.toFixed(0)}/s CPU`;
const onePage = invoices();
const LOGO = fileURLToPath(new URL("../src/documents/pdf/testing/logo.png", import.meta.url));
console.log(`PDF rendering, ${SECONDS} s per case, Node ${process.version}`);
const coldStart = cpuMs();
await renderInvoicePdf(onePage[0] as InvoiceDocument, { language: "fr", copy: false });
console.log(
  `the process's first PDF (fonts parsed, code not yet compiled): ${(cpuMs() - coldStart).toFixed(0)} ms CPU`,
);
console.log(`reference loop: ${referenceLoop().toFixed(2)} ns/iteration`);
for (const language of LANGUAGES) {
  const original = await measure(onePage, { language, copy: false }, SECONDS);
  const copy = await measure(onePage, { language, copy: true, attachUbl: UBL }, SECONDS);
  console.log(
    `one page, ${language}: original ${rate(original)} (${(original.bytes / 1024).toFixed(1)} KiB); ` +
      `copy with UBL ${rate(copy)} (${(copy.bytes / 1024).toFixed(1)} KiB)`,
  );
}
const logo = await measure(onePage, { language: "fr", copy: false, logoPath: LOGO }, SECONDS);
console.log(`one page, fr, with a 240 x 80 PNG logo: ${rate(logo)} (${(logo.bytes / 1024).toFixed(1)} KiB)`);
const long = await measure([manyLineInvoice(300)], { language: "fr", copy: false }, SECONDS);
console.log(`300 lines (9 pages): ${rate(long)} (${(long.bytes / 1024).toFixed(1)} KiB)`);
console.log(`reference loop: ${referenceLoop().toFixed(2)} ns/iteration`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
