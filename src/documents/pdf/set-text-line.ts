/** A glyph position as pdfkit's font `encode` returns it, scaled to 1000 units per em. */
interface GlyphPosition {
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly advanceWidth: number;
}

/**
 * What pdfkit 0.20.2 (pinned) keeps on a document and uses to write text: the current font, whose `encode` adds the
 * glyphs to the document's font subset and returns their ids as hex, the current size, and the page's font resources.
 */
interface PdfkitTextState {
  readonly _font: {
    readonly id: string;
    readonly ascender: number;
    ref(): unknown;
    encode(text: string): [string[], GlyphPosition[]];
  };
  readonly _fontSize: number;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
}

/** pdfkit's number format in content streams: at most six decimals. */
const number = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * Writes one line of text with its top left at (x, y) in the current font, size and fill colour, exactly as pdfkit's
 * `text(text, x, y, { lineBreak: false })` writes it (the same operators, hence the same bytes), and returns false,
 * having written nothing, when a glyph is offset or kerned, which pdfkit writes differently. pdfkit's own path
 * measures the line three times and writes each of its eight operators separately; it was a fifth of a one-page
 * invoice's time. The caller has already chosen the font, size and colour with pdfkit's public methods.
 */
export function setTextLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number): boolean {
  const state = doc as unknown as PdfkitTextState;
  const font = state._font;
  const size = state._fontSize;
  const [glyphs, positions] = font.encode(text);
  for (const p of positions)
    if (p.xOffset !== 0 || p.yOffset !== 0 || p.xAdvance !== p.advanceWidth) return false;
  state.page.fonts[font.id] ??= font.ref();
  // pdfkit's pages run top-down (it flips the y axis once per page); text is set in the PDF's own bottom-up space,
  // from the baseline, one ascender below the top of the line.
  const baseline = state.page.height - y - (font.ascender / 1000) * size;
  doc.addContent(
    [
      "q",
      `1 0 0 -1 0 ${number(state.page.height)} cm`,
      "BT",
      `1 0 0 1 ${number(x)} ${number(baseline)} Tm`,
      `/${font.id} ${number(size)} Tf`,
      `[<${glyphs.join("")}> 0] TJ`,
      "ET",
      "Q",
    ].join("\n"),
  );
  return true;
}
