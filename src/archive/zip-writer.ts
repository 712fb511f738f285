import { once } from "node:events";
import type { Writable } from "node:stream";
import { crc32 } from "node:zlib";

/** Without ZIP64, counts and offsets are 16 and 32 bits wide. */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

interface CentralEntry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly offset: number;
  readonly dosTime: number;
  readonly dosDate: number;
}

function dosDateTime(at: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    dosDate:
      ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * Writes a zip file to `out` one entry at a time, entries stored uncompressed so each .eml inside is byte for byte
 * the archived message (its SHA-256 can be checked by anyone with unzip). Names are UTF-8 (general purpose bit 11).
 * No ZIP64: more than 65,535 entries or 4 GiB is refused with a message to export a shorter period.
 */
export class ZipWriter {
  readonly #out: Writable;
  readonly #entries: CentralEntry[] = [];
  #offset = 0;

  constructor(out: Writable) {
    this.#out = out;
  }

  async #write(chunk: Buffer): Promise<void> {
    this.#offset += chunk.length;
    if (!this.#out.write(chunk)) await once(this.#out, "drain");
  }

  /** Adds one file. */
  async add(name: string, data: Buffer, at: Date): Promise<void> {
    if (this.#entries.length >= MAX_ENTRIES || this.#offset + data.length + 1024 > MAX_OFFSET) {
      throw new RangeError("the export is too large for a zip without ZIP64: export a shorter period");
    }
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const { dosTime, dosDate } = dosDateTime(at);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.#entries.push({ name: nameBytes, crc, size: data.length, offset: this.#offset, dosTime, dosDate });
    await this.#write(header);
    await this.#write(nameBytes);
    await this.#write(data);
  }

  /** Writes the central directory; the caller ends `out`. */
  async finish(): Promise<void> {
    const start = this.#offset;
    for (const entry of this.#entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(0, 10);
      header.writeUInt16LE(entry.dosTime, 12);
      header.writeUInt16LE(entry.dosDate, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.size, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      await this.#write(header);
      await this.#write(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#entries.length, 8);
    end.writeUInt16LE(this.#entries.length, 10);
    end.writeUInt32LE(this.#offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.#write(end);
  }
}
