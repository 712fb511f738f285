import type { Font, Glyph, GlyphPosition, Subset } from "fontkit";

/**
 * The OpenType features fontkit applies by default, all switched off. Shaping with them (GSUB/GPOS lookups for
 * kerning, ligatures and marks) costs about eight times more than mapping characters to glyphs, and an invoice set
 * in DejaVu Sans at 7 to 20 points does not need them: accented letters are precomposed glyphs.
 */
const NO_FEATURES: Record<string, boolean> = Object.fromEntries(
  [
    "ccmp",
    "locl",
    "rlig",
    "mark",
    "mkmk",
    "calt",
    "clig",
    "liga",
    "rclt",
    "curs",
    "kern",
    "frac",
    "numr",
    "dnom",
  ].map((tag) => [tag, false]),
);

/** Distinct texts kept laid out; past this the cache starts again, so memory stays bounded. */
const MAX_CACHED_RUNS = 20_000;

/** Encoded subsets kept per font; past this the cache starts again, so memory stays bounded (about 20 KB each). */
const MAX_CACHED_SUBSETS = 64;

/** fontkit 2.0.4's subset (pinned): `glyphs` lists the glyph ids included so far, in the order of the subset. */
interface GlyphListSubset extends Subset {
  readonly glyphs: readonly number[];
}

/** What pdfkit reads from a fontkit layout: the glyphs, their positions, and the total advance. */
interface Run {
  readonly glyphs: readonly Glyph[];
  readonly positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/** fontkit's glyph outline decoder, which its TrueType subsetter calls for every glyph of every subset. */
type Decodable = { _decode(): unknown };

/**
 * Makes a glyph decode its outline once. fontkit caches glyph objects per font but decodes a glyph's `glyf` entry
 * again each time a subset includes it, which was a fifth of a one-page PDF's time. Relies on fontkit 2.0.4's
 * internal `_decode` (the version is pinned); the decoded record is only read by the subsetter.
 */
function decodeOnce(glyph: Glyph, done: WeakSet<Glyph>): Glyph {
  if (done.has(glyph)) return glyph;
  done.add(glyph);
  const decodable = glyph as unknown as Decodable;
  const decoded = decodable._decode();
  decodable._decode = () => decoded;
  return glyph;
}

/**
 * Wraps a parsed fontkit font so that many pdfkit documents can share it: every property and method is the font's
 * own (through the prototype), except `layout`, which shapes without OpenType features and remembers each text's
 * glyphs across documents, `getGlyph`, whose glyphs decode their outline once, and `createSubset`, whose subsets
 * reuse the bytes of an earlier subset of the same glyphs in the same order. pdfkit scales the positions of a run
 * in place, so each call gets its own copy of them.
 */
export function sharedFont(font: Font): object {
  const runs = new Map<string, { glyphs: Glyph[]; positions: GlyphPosition[] }>();
  const decoded = new WeakSet<Glyph>();
  const layout = (text: string): Run => {
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      const shaped = font.layout(text, NO_FEATURES);
      run = { glyphs: shaped.glyphs, positions: shaped.positions };
      runs.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  const getGlyph = (id: number, codePoints?: number[]): Glyph =>
    decodeOnce(font.getGlyph(id, codePoints), decoded);
  const subsets = new Map<string, Uint8Array>();
  // Encoding a TrueType subset (fontkit's generic table encoder) was a seventh of a one-page invoice's time, and
  // invoices of one seller in one language often use the same glyphs in the same order. The bytes depend only on
  // the glyph list (components of composite glyphs are added from it in a fixed order), and pdfkit only reads them.
  const createSubset = (): Subset => {
    const subset = font.createSubset() as GlyphListSubset;
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(",");
      let bytes = subsets.get(key);
      if (!bytes) {
        if (subsets.size >= MAX_CACHED_SUBSETS) subsets.clear();
        bytes = encode();
        subsets.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  return Object.assign(Object.create(font) as object, { layout, getGlyph, createSubset });
}
