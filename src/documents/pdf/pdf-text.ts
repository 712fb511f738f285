import { PDF_FONTS } from "./pdf-fonts.ts";
import { COLORS, SIZE } from "./pdf-layout.ts";

/** How a piece of text is set. */
export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: "left" | "right" | "center";
}

function apply(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc
    .font(style.bold ? PDF_FONTS.bold : PDF_FONTS.regular)
    .fontSize(style.size ?? SIZE.body)
    .fillColor(style.color ?? COLORS.text);
}

/** The height `text` takes when wrapped to `width` in `style`. */
export function measureText(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  style: TextStyle = {},
): number {
  apply(doc, style);
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
  doc.text(text, x, y, { width, align: style.align ?? "left", lineGap: 0 });
  return doc.y - y;
}
