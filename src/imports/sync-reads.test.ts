import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYNC_READS } from "./sync-reads.ts";

const dir = mkdtempSync(join(tmpdir(), "facteur-sync-reads-"));

async function readAll(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1000, fs: SYNC_READS }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("SYNC_READS", () => {
  it("reads a file whole, chunk after chunk, as the thread pool would", async () => {
    const path = join(dir, "data.bin");
    const bytes = Buffer.from(Array.from({ length: 25_000 }, (_, i) => i % 251));
    writeFileSync(path, bytes);
    expect((await readAll(path)).equals(bytes)).toBe(true);
  });

  it("reports what cannot be read as the stream's error", async () => {
    await expect(readAll(dir)).rejects.toThrow(/EISDIR/);
    await expect(readAll(join(dir, "missing"))).rejects.toThrow(/ENOENT/);
  });
});
