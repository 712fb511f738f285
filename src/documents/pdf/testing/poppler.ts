import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Poppler's command-line tools (Debian package poppler-utils) read the PDFs in tests as an independent reader:
 * pdftotext for the text, pdftoppm for pictures, pdffonts, pdfimages, pdfdetach and pdfinfo for the structure.
 */
export function hasPoppler(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` with the PDF written to a temporary file, and removes the folder afterwards. */
function withPdfFile<T>(pdf: Buffer, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "facteur-pdf-"));
  try {
    const path = join(dir, "document.pdf");
    writeFileSync(path, pdf);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is missing: install the Debian package poppler-utils to run the PDF tests.`);
    throw error;
  }
}

/** The text of the PDF (or of one page), in layout order, with no-break spaces as plain spaces. */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return withPdfFile(pdf, (path) =>
    run("pdftotext", ["-layout", "-enc", "UTF-8", ...range, path, "-"]),
  ).replace(/\u00a0/g, " ");
}

/** The number of pages. */
export function pdfPageCount(pdf: Buffer): number {
  const info = withPdfFile(pdf, (path) => run("pdfinfo", [path]));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

/** The fonts of the PDF: name, type and whether each is embedded, from pdffonts. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const lines = withPdfFile(pdf, (path) => run("pdffonts", [path]))
    .split("\n")
    .slice(2);
  return lines
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0] ?? "", embedded: columns.at(-5) === "yes" };
    });
}

/** The number of raster images drawn in the PDF (not counting their transparency masks), from pdfimages. */
export function pdfImageCount(pdf: Buffer): number {
  const lines = withPdfFile(pdf, (path) => run("pdfimages", ["-list", path]))
    .split("\n")
    .slice(2);
  return lines.filter((line) => line.trim().split(/\s+/)[2] === "image").length;
}

/** The embedded files: their names and contents, from pdfdetach. */
export function pdfAttachments(pdf: Buffer): { name: string; content: Buffer }[] {
  return withPdfFile(pdf, (path, dir) => {
    const names = run("pdfdetach", ["-list", path])
      .split("\n")
      .slice(1)
      .map((line) => /^\d+: (.*)$/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    return names.map((name, i) => {
      const out = join(dir, `attachment-${i + 1}`);
      run("pdfdetach", ["-save", String(i + 1), "-o", out, path]);
      return { name, content: readFileSync(out) };
    });
  });
}

/** One page as a PNG at `dpi`, as `pdftoppm -png` draws it. */
export function pagePng(pdf: Buffer, page: number, dpi: number): Buffer {
  return withPdfFile(pdf, (path, dir) => {
    run("pdftoppm", [
      "-png",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      path,
      join(dir, "page"),
    ]);
    return readFileSync(join(dir, "page.png"));
  });
}

/** One page as 8-bit grey pixels (PGM) at `dpi`. */
export function pageGrey(
  pdf: Buffer,
  page: number,
  dpi: number,
): { pixels: Uint8Array; width: number; height: number } {
  return withPdfFile(pdf, (path, dir) => {
    run("pdftoppm", [
      "-gray",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      path,
      join(dir, "page"),
    ]);
    const pgm = readFileSync(join(dir, "page.pgm"));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString("latin1"));
    if (!header?.[1] || !header[2]) throw new Error("pdftoppm wrote an unexpected PGM header");
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { pixels: pgm.subarray(header[0].length), width, height };
  });
}

/** A word on a page and its box in points from the top left, from `pdftotext -bbox`. */
export interface PdfWord {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

/** The words of one page with their boxes. */
export function pdfWords(pdf: Buffer, page: number): PdfWord[] {
  const html = withPdfFile(pdf, (path) =>
    run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), path, "-"]),
  );
  return [
    ...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ text: m[3] ?? "", yMin: Number(m[1]), yMax: Number(m[2]) }));
}
