import { FONT } from "./pdf-fonts.ts";
import { COLORS, SIZE } from "./pdf-layout.ts";
import { setTextLine } from "./set-text-line.ts";

/** How a piece of text is set. */
export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: "left" | "right" | "center";
}

function apply(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc
    .font(style.bold ? FONT.bold : FONT.regular)
    .fontSize(style.size ?? SIZE.body)
    .fillColor(style.color ?? COLORS.text);
}

/**
 * The width of `text` when it is one line that fits in `width`, else null. Most texts on an invoice (labels,
 * amounts, dates) are such lines; setting them directly skips pdfkit's line wrapper, which measures word by word.
 */
function singleLineWidth(doc: PDFKit.PDFDocument, text: string, width: number): number | null {
  if (text === "" || text.includes("\n")) return null;
  const textWidth = doc.widthOfString(text);
  return textWidth <= width ? textWidth : null;
}

/** The height `text` takes when wrapped to `width` in `style`. */
export function measureText(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  style: TextStyle = {},
): number {
  apply(doc, style);
  if (singleLineWidth(doc, text, width) !== null) return doc.currentLineHeight(true);
  return doc.heightOfString(text, { width, lineGap: 0 });
}

/**
 * Writes `text` at (x, y) wrapped to `width` and returns the height used. Positions are always explicit, so pdfkit
 * never decides a page break: the callers do, from {@link measureText}.
 */
export function writeText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle = {},
): number {
  apply(doc, style);
  const align = style.align ?? "left";
  const lineWidth = singleLineWidth(doc, text, width);
  if (lineWidth !== null) {
    const shift = align === "right" ? width - lineWidth : align === "center" ? (width - lineWidth) / 2 : 0;
    if (!setTextLine(doc, text, x + shift, y)) doc.text(text, x + shift, y, { lineBreak: false });
    return doc.currentLineHeight(true);
  }
  doc.text(text, x, y, { width, align, lineGap: 0 });
  return doc.y - y;
}
