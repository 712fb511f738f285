import PDFDocument from "pdfkit";
import type { ProofRenderer } from "../../app/ports/proof-renderer.ts";
import type { DeliveryProofReport } from "../../app/prove-delivery.ts";
import type { RecipientProof } from "../../core/delivery/delivery-proof.ts";
import { statusSaidText } from "../../core/delivery/status-message-steps.ts";
import { statusWords } from "../../core/peppol/buyer-status.ts";
import { FONT, registerFonts } from "../pdf/pdf-fonts.ts";

const GREY = "#555555";

function instant(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function recipientSection(doc: PDFKit.PDFDocument, r: RecipientProof): void {
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(11).fillColor("black");
  doc.text(
    `${r.email}${r.name === null ? "" : ` (${r.name})`} - ${r.role === "main" ? "main recipient" : "copy"}, round ${r.round}`,
  );
  doc.font(FONT.regular).fontSize(9);
  doc.text(`Verdict: ${r.verdict} (confidence: ${r.confidence}). ${r.explanation}.`);
  doc
    .fillColor(GREY)
    .text(
      `Message-ID <${r.messageId}>, delivery ${r.deliveryId}` +
        (r.archive === null
          ? "; no archived message"
          : `; archived message sha256 ${r.archive.sha256} (${r.archive.size} bytes)`),
    );
  doc.moveDown(0.3);
  for (const step of r.steps) {
    doc
      .font(FONT.bold)
      .fillColor("black")
      .fontSize(8.5)
      .text(`${instant(step.at)}  ${step.what}`, { continued: false });
    const detail = [step.detail, step.actor === "" ? "" : `by ${step.actor}`]
      .filter((s) => s !== "")
      .join(" - ");
    if (detail !== "") doc.font(FONT.regular).fillColor(GREY).text(detail, { indent: 12 });
  }
}

/** The Peppol status messages received for the invoice, and where the buyer stands. */
function statusSection(doc: PDFKit.PDFDocument, report: DeliveryProofReport): void {
  if (report.statusMessages.length === 0 && report.buyerStatus === null) return;
  doc.moveDown(0.8).font(FONT.bold).fontSize(11).fillColor("black").text("Peppol status messages received");
  const b = report.buyerStatus;
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(
      b === null
        ? "Buyer status: none (no Invoice Response received)."
        : `Buyer status: ${statusWords(b.status)} (${b.responseCode}, Invoice Response ${b.responseId} issued ${b.issued}, received ${instant(b.receivedAt)})${b.description === undefined ? "" : `: ${b.description}`}.`,
    );
  doc.moveDown(0.3);
  for (const m of report.statusMessages) {
    doc
      .font(FONT.bold)
      .fillColor("black")
      .fontSize(8.5)
      .text(`${instant(m.at)}  ${m.what}`);
    const detail = [statusSaidText(m), `issued ${m.issued}, from ${m.sender}`]
      .filter((p) => p !== "")
      .join(" - ");
    doc.font(FONT.regular).fillColor(GREY).text(detail, { indent: 12 });
  }
}

/**
 * A proof of delivery as an A4 PDF for a dispute: the invoice, the verdict and its confidence in words, then for each
 * address every step with its evidence (replies, queue ids, the notices' status and text, hashes of the archived
 * message and notices), ending with the quiet period, then the Peppol status messages received and the buyer's
 * status. The fonts are embedded (DejaVu Sans), so any name prints.
 */
export async function renderProofPdf(report: DeliveryProofReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    font: "",
    pdfVersion: "1.7",
    info: {
      Title: `Proof of delivery, invoice ${report.invoiceNumber}`,
      Creator: "facteur",
      Producer: "facteur",
      CreationDate: report.generatedAt,
    },
  });
  registerFonts(doc);
  const done = collect(doc);
  doc.font(FONT.bold).fontSize(16).text(`Proof of delivery - invoice ${report.invoiceNumber}`);
  doc.font(FONT.regular).fontSize(10).fillColor(GREY);
  doc.text(
    `Customer ${report.customerNumber}${report.customerName === "" ? "" : `, ${report.customerName}`}. Generated ${instant(report.generatedAt)}.`,
  );
  doc.moveDown(0.6).fillColor("black").font(FONT.bold).fontSize(12);
  doc.text(`Did the customer get it? ${report.verdict} (confidence: ${report.confidence})`);
  doc.font(FONT.regular).fontSize(10).text(`${report.explanation}.`);
  const s = report.summary;
  doc.moveDown(0.3).fillColor(GREY).fontSize(9);
  doc.text(
    `Delivery summary: ${s.status}, round ${s.round}, a main recipient has it: ${s.mainRecipientHasIt}` +
      (s.firstAcceptedAt === null ? "" : `, first accepted by the relay ${instant(s.firstAcceptedAt)}`) +
      (report.paperSentAt === null ? "" : `; sent on paper ${instant(report.paperSentAt)}`) +
      ".",
  );
  doc.text(
    "Confidence: certain rests on a report (a bounce, a success notice, an automatic reply, a refusal by the relay); " +
      "high and medium rest on silence after acceptance, which a spam filter can also explain.",
  );
  for (const r of report.recipients) recipientSection(doc, r);
  statusSection(doc, report);
  doc.end();
  return done;
}

/** The ProofRenderer port. */
export const proofRenderer: ProofRenderer = { pdf: renderProofPdf };
