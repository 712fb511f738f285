import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";
import { sharedFont } from "./shared-font.ts";

const require = createRequire(import.meta.url);

/** The names under which each document registers the embedded fonts. */
export const FONT = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

function load(file: string): Font {
  const font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  if (!("layout" in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}

let fonts: { readonly regular: object; readonly bold: object } | undefined;

/**
 * Registers the embedded fonts on a new document: DejaVu Sans covers Latin with every European accent (é, ü, ø, ł,
 * ő, ç, ß, ...), Greek and Cyrillic, so names print as written; pdfkit embeds the subset of glyphs used. The files
 * come from the installed npm package, never from the network. They are parsed once per process and shared through
 * {@link sharedFont}; pdfkit still builds each document's own subset. pdfkit accepts a fontkit font object as a
 * source (its code checks for a `layout` method) although its types list only paths and buffers, hence the cast.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: sharedFont(load("DejaVuSans.ttf")), bold: sharedFont(load("DejaVuSans-Bold.ttf")) };
  doc.registerFont(FONT.regular, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT.bold, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
}
