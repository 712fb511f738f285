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
 * pdfkit's per-document font object (pdfkit 0.20.2, pinned): `layoutCache` maps a word to its glyph run, already
 * scaled to the font size unit. pdfkit gives each document an empty one; sharing it is what {@link registerFonts} does.
 */
interface PdfkitFont {
  layoutCache?: Record<string, unknown>;
}

/** Documents that share one pair of layout caches; then the caches start again, so memory stays bounded. */
const DOCUMENTS_PER_LAYOUT_CACHE = 200;
let layoutCaches: Record<string, Record<string, unknown>> = {};
let documentsOnCaches = 0;

/**
 * Gives the document's two fonts the layout caches of the documents before it. pdfkit lays out every word of every
 * document again and scales its glyph positions, which was a quarter of a one-page invoice's time; a run depends
 * only on the font and the word, and pdfkit only reads it, so documents can share it. The fonts are created here
 * (regular last, so it is the current font), which pdfkit would otherwise do on first use.
 */
function shareLayoutCaches(doc: PDFKit.PDFDocument): void {
  if (documentsOnCaches++ % DOCUMENTS_PER_LAYOUT_CACHE === 0) layoutCaches = {};
  for (const name of [FONT.bold, FONT.regular]) {
    const font = (doc.font(name) as unknown as { _font?: PdfkitFont })._font;
    if (font?.layoutCache === undefined) continue;
    layoutCaches[name] ??= Object.create(null) as Record<string, unknown>;
    font.layoutCache = layoutCaches[name];
  }
}

/**
 * Registers the embedded fonts on a new document: DejaVu Sans covers Latin with every European accent (é, ü, ø, ł,
 * ő, ç, ß, ...), Greek and Cyrillic, so names print as written; pdfkit embeds the subset of glyphs used. The files
 * come from the installed npm package, never from the network. They are parsed once per process and shared through
 * {@link sharedFont}, and their laid-out words through shared layout caches; pdfkit still builds each document's
 * own subset. pdfkit accepts a fontkit font object as a
 * source (its code checks for a `layout` method) although its types list only paths and buffers, hence the cast.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: sharedFont(load("DejaVuSans.ttf")), bold: sharedFont(load("DejaVuSans-Bold.ttf")) };
  doc.registerFont(FONT.regular, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT.bold, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  shareLayoutCaches(doc);
}
