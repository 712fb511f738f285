import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { RecordSourceError } from "../app/ports/record-source-error.ts";

const LF = 0x0a;

/** Whether `bytes` ends with the last byte of a character rather than inside one (by its lead byte's length). */
export function endsWholeCharacter(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1, seen = 1; i >= 0 && seen <= 4; i--, seen++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    return length === seen;
  }
  return bytes.length === 0;
}

/**
 * Passes bytes through unchanged while checking they are valid UTF-8, counting lines so the error can say where.
 * Node's default decoding silently replaces bad bytes with U+FFFD; an invoice file in Latin-1 would then import
 * "Société" as "Soci\uFFFDt\uFFFD" without anyone noticing.
 */
export class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private line = 1;
  /** Whether the decoder may hold the first bytes of a character that the next chunk ends. */
  private pending = false;

  constructor(private readonly source: string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    // A chunk that is whole UTF-8 by itself, with no character begun in the previous one, is checked without decoding
    // it into a string (which an import paid for every 16 KB it read).
    if (!this.pending && isUtf8(chunk)) {
      for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) this.line++;
      done(null, chunk);
      return;
    }
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.line++;
      this.pending = !endsWholeCharacter(chunk);
      done(null, chunk);
    } catch {
      // Find the line of the first bad byte inside this chunk: a lenient decode marks it with U+FFFD.
      const lenient = new TextDecoder("utf-8").decode(chunk);
      const bad = lenient.indexOf("\uFFFD");
      const before = bad === -1 ? "" : lenient.slice(0, bad);
      done(this.error(this.line + before.split("\n").length - 1));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(this.error(this.line));
    }
  }

  private error(line: number): RecordSourceError {
    return new RecordSourceError({
      source: this.source,
      at: String(line),
      message: "the file is not UTF-8 text (save it as UTF-8, e.g. 'CSV UTF-8' in Excel)",
    });
  }
}
