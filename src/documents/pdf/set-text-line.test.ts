import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FONT, registerFonts } from "./pdf-fonts.ts";
import { setTextLine } from "./set-text-line.ts";

/** A fixed-date, uncompressed one-page document with the embedded fonts, after `draw` ran on it. */
async function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const date = new Date(0);
  const doc = new PDFDocument({ compress: false, font: "", info: { CreationDate: date, ModDate: date } });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on("end", resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const LINES: [string, number, number, string, number][] = [
  ["Brasserie Łukasz Søndergaard & Gőz BV", 40, 100, FONT.bold, 12],
  ["Montant à payer : 2.730,54 EUR", 123.456789, 200.5, FONT.regular, 8.5],
  ["+++202/6000/12320+++", 300, 780.25, FONT.regular, 9],
];

describe("setTextLine", () => {
  it("writes the same bytes as pdfkit's text() without line breaks, in every font and size", async () => {
    const draw = (write: (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => void) =>
      pdfOf((doc) => {
        for (const [text, x, y, font, size] of LINES) {
          doc.font(font).fontSize(size).fillColor("#5f6368");
          write(doc, text, x, y);
        }
      });
    const ours = await draw((doc, text, x, y) => expect(setTextLine(doc, text, x, y)).toBe(true));
    const pdfkit = await draw((doc, text, x, y) => doc.text(text, x, y, { lineBreak: false }));
    expect(ours.toString("latin1")).toContain("TJ");
    expect(ours.equals(pdfkit)).toBe(true);
  });

  it("writes nothing and says so when a glyph is offset, which pdfkit writes with its own positioning", async () => {
    const pdf = await pdfOf((doc) => {
      doc.font(FONT.regular).fontSize(9);
      const font = (doc as unknown as { _font: { encode(text: string): [string[], object[]] } })._font;
      const encode = font.encode.bind(font);
      font.encode = (text) => {
        const [glyphs, positions] = encode(text);
        return [glyphs, positions.map((p) => ({ ...p, yOffset: 50 }))];
      };
      expect(setTextLine(doc, "raised", 40, 40)).toBe(false);
    });
    expect(pdf.toString("latin1")).not.toContain("TJ");
  });
});
