import type { Block, PdfContext } from "./pdf-context.ts";
import { COLORS, CONTENT_WIDTH, PAGE, SIZE } from "./pdf-layout.ts";
import { measureText, writeText } from "./pdf-text.ts";

/** The invoice notes (BT-22) and payment terms (BT-20) under one heading, or null when there are none. */
export function notesBlock(ctx: PdfContext): Block | null {
  const { doc, invoice, labels } = ctx;
  const paragraphs = [
    ...invoice.notes,
    ...(invoice.paymentTerms ? [`${labels.paymentTerms}: ${invoice.paymentTerms}`] : []),
  ];
  if (paragraphs.length === 0) return null;
  const text = paragraphs.join("\n");
  const headingHeight = measureText(doc, labels.notes, CONTENT_WIDTH, { size: SIZE.small, bold: true });
  const height = headingHeight + 2 + measureText(doc, text, CONTENT_WIDTH) + 12;
  return {
    height,
    draw(y) {
      writeText(doc, labels.notes, PAGE.left, y, CONTENT_WIDTH, {
        size: SIZE.small,
        bold: true,
        color: COLORS.muted,
      });
      writeText(doc, text, PAGE.left, y + headingHeight + 2, CONTENT_WIDTH);
    },
  };
}
