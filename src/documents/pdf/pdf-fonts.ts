import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The embedded fonts, by file path: DejaVu Sans covers Latin with every European accent (é, ü, ø, ł, ő, ç, ß, ...),
 * Greek and Cyrillic, so names print as written. pdfkit embeds the subset of glyphs used. Paths, not buffers,
 * because pdfkit keys its per-document font cache on the source; the files come from the installed npm package,
 * never from the network.
 */
export const PDF_FONTS = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;
