import { Transform, type TransformCallback } from "node:stream";
import { RecordSourceError } from "../app/ports/record-source-error.ts";

/**
 * Passes bytes through unchanged while checking they are valid UTF-8, counting lines so the error can say where.
 * Node's default decoding silently replaces bad bytes with U+FFFD; an invoice file in Latin-1 would then import
 * "Société" as "Soci\uFFFDt\uFFFD" without anyone noticing.
 */
export class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private line = 1;

  constructor(private readonly source: string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.line++;
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
