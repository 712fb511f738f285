import type { PdfMerger } from "../../app/ports/pdf-merger.ts";

/** One indirect object of a source PDF: its dictionary (or other value) text and, for a stream, its raw bytes. */
interface PdfObject {
  readonly text: string;
  readonly stream: Buffer | null;
}

interface ParsedPdf {
  readonly objects: ReadonlyMap<number, PdfObject>;
  readonly root: number;
}

const REF = /(\d+) 0 R\b/;

function fail(message: string): never {
  throw new Error(`cannot merge this PDF: ${message}`);
}

/** Offsets of the objects listed in the classic cross-reference table at the end of the file. */
function xrefOffsets(pdf: Buffer, latin: string): Map<number, number> {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin.slice(-1024));
  if (start?.[1] === undefined) fail("no startxref at its end");
  const at = Number(start[1]);
  if (latin.slice(at, at + 4) !== "xref")
    fail("its cross-reference is a stream (PDF 1.5 compression), which is not read here");
  const offsets = new Map<number, number>();
  const lines = latin.slice(at, latin.indexOf("trailer", at)).split(/\r?\n|\r/);
  let number = 0;
  for (const line of lines.slice(1)) {
    const section = /^(\d+) (\d+)\s*$/.exec(line);
    if (section?.[1] !== undefined) {
      number = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (entry === null) continue;
    if (entry[3] === "n") offsets.set(number, Number(entry[1]));
    number++;
  }
  if (pdf.length < at) fail("startxref points past its end");
  return offsets;
}

function readObject(pdf: Buffer, latin: string, number: number, offset: number): PdfObject {
  const header = `${number} 0 obj`;
  if (latin.slice(offset, offset + header.length) !== header)
    fail(`object ${number} is not where the xref says`);
  const bodyStart = offset + header.length;
  const end = latin.indexOf("endobj", bodyStart);
  if (end < 0) fail(`object ${number} has no endobj`);
  const streamAt = latin.indexOf("stream", bodyStart);
  if (streamAt < 0 || streamAt > end || latin.slice(streamAt - 3, streamAt) === "end") {
    return { text: latin.slice(bodyStart, end).trim(), stream: null };
  }
  const dict = latin.slice(bodyStart, streamAt).trim();
  const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
  if (length?.[1] === undefined) fail(`stream ${number} has no direct /Length`);
  let dataStart = streamAt + "stream".length;
  if (latin[dataStart] === "\r") dataStart++;
  if (latin[dataStart] === "\n") dataStart++;
  return { text: dict, stream: pdf.subarray(dataStart, dataStart + Number(length[1])) };
}

function parse(pdf: Buffer): ParsedPdf {
  const latin = pdf.toString("latin1");
  if (!latin.startsWith("%PDF-")) fail("it does not start with %PDF-");
  const offsets = xrefOffsets(pdf, latin);
  const objects = new Map<number, PdfObject>();
  for (const [number, offset] of offsets) objects.set(number, readObject(pdf, latin, number, offset));
  const trailer = latin.slice(latin.lastIndexOf("trailer"));
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (root === undefined) fail("its trailer names no /Root");
  return { objects, root: Number(root) };
}

/** Rewrites every `N 0 R` outside literal and hex strings through `map`. */
function renumber(text: string, map: (n: number) => number): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "(") {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "\\") j++;
        else if (text[j] === "(") depth++;
        else if (text[j] === ")" && --depth === 0) break;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "<" && text[i + 1] === "<") {
      out += "<<";
      i += 2;
    } else if (c === "<") {
      const j = text.indexOf(">", i);
      out += text.slice(i, j < 0 ? text.length : j + 1);
      i = j < 0 ? text.length : j + 1;
    } else {
      const next = text.slice(i).search(/[(<]/);
      const chunk = next < 0 ? text.slice(i) : text.slice(i, i + next);
      out += chunk.replace(new RegExp(REF.source, "g"), (_, n: string) => `${map(Number(n))} 0 R`);
      i += chunk.length;
    }
  }
  return out;
}

function pagesOf(pdf: ParsedPdf): number[] {
  const catalog = pdf.objects.get(pdf.root)?.text ?? fail("its /Root object is missing");
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog)?.[1] ?? fail("its catalog has no /Pages");
  const pages: number[] = [];
  const visit = (number: number, depth: number) => {
    if (depth > 32) fail("its page tree is too deep");
    const node = pdf.objects.get(number)?.text ?? fail(`page tree node ${number} is missing`);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? "";
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) visit(Number(kid[1]), depth + 1);
    } else pages.push(number);
  };
  visit(Number(pagesRef), 0);
  return pages;
}

/**
 * Merges PDFs with a classic cross-reference table (what pdfkit writes) into one: every object of each source is
 * copied under a new number, each page is hung under one new page tree, and a new catalog points to it. The sources'
 * catalogs and page-tree nodes are left out (their names, outlines and metadata describe one invoice, not the batch).
 */
export function mergePdfs(pdfs: readonly Buffer[]): Buffer {
  if (pdfs.length === 0) fail("there is nothing to merge");
  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n%\xff\xff\xff\xff\n", "latin1")];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  let next = 3;
  const pagesNumber = 1;
  const catalogNumber = 2;
  const kids: number[] = [];
  const write = (number: number, text: string, stream: Buffer | null) => {
    offsets[number] = length;
    const head = Buffer.from(`${number} 0 obj\n${text}\n${stream === null ? "" : "stream\n"}`, "latin1");
    const tail = Buffer.from(`${stream === null ? "" : "\nendstream"}\nendobj\n`, "latin1");
    chunks.push(head, ...(stream === null ? [] : [stream]), tail);
    length += head.length + (stream?.length ?? 0) + tail.length;
  };
  for (const pdf of pdfs.map(parse)) {
    const order = pagesOf(pdf);
    const pages = new Set(order);
    const skip = new Set<number>([pdf.root]);
    for (const [number, object] of pdf.objects) if (/\/Type\s*\/Pages\b/.test(object.text)) skip.add(number);
    const numbers = new Map<number, number>();
    for (const number of [...pdf.objects.keys()].sort((a, b) => a - b)) {
      if (!skip.has(number)) numbers.set(number, next++);
    }
    // A reference to an object the source does not have reads as null (object 0), as PDF readers treat it.
    const map = (n: number) => numbers.get(n) ?? (skip.has(n) ? pagesNumber : 0);
    for (const [number, target] of numbers) {
      const object = pdf.objects.get(number) as PdfObject;
      let text = renumber(object.text, map);
      if (pages.has(number)) text = text.replace(/\/Parent \d+ 0 R/, `/Parent ${pagesNumber} 0 R`);
      write(target, text, object.stream);
    }
    for (const page of order) kids.push(numbers.get(page) ?? fail(`page ${page} is missing`));
  }
  write(
    pagesNumber,
    `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] >>`,
    null,
  );
  write(catalogNumber, `<< /Type /Catalog /Pages ${pagesNumber} 0 R >>`, null);
  const xrefAt = length;
  const entries = ["0000000000 65535 f \n"];
  for (let n = 1; n < next; n++) entries.push(`${String(offsets[n] ?? 0).padStart(10, "0")} 00000 n \n`);
  chunks.push(
    Buffer.from(
      `xref\n0 ${next}\n${entries.join("")}trailer\n<< /Size ${next} /Root ${catalogNumber} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      "latin1",
    ),
  );
  return Buffer.concat(chunks);
}

/** The PdfMerger port. */
export const pdfMerger: PdfMerger = { merge: mergePdfs };
