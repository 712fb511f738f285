import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { endsWholeCharacter, Utf8Check } from "./utf8-check.ts";

/** Passes `chunks` through a Utf8Check: the bytes that came out, or the line its error names. */
async function check(chunks: readonly Buffer[]): Promise<{ bytes?: Buffer; errorAt?: string }> {
  const out: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(chunks, { objectMode: false }).pipe(new Utf8Check("t.csv")))
      out.push(chunk as Buffer);
    return { bytes: Buffer.concat(out) };
  } catch (error) {
    return { errorAt: (error as { issue?: { at?: string } }).issue?.at ?? "?" };
  }
}

/** `bytes` cut into chunks of `size` bytes, whatever characters the cuts fall in. */
function cut(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe("Utf8Check", () => {
  const text = Buffer.from("a,b\nSociété,Ærø 🧾\nnaïve,€\n", "utf8");

  it("passes UTF-8 through unchanged however it is cut into chunks", async () => {
    for (let size = 1; size <= text.length; size++)
      expect((await check(cut(text, size))).bytes?.equals(text)).toBe(true);
  });

  it("names the line of a bad byte however the text is cut, also when a character is cut short", async () => {
    const bad = Buffer.concat([Buffer.from("a,b\nok,ok\n"), Buffer.from([0x53, 0xe9, 0x74, 0x0a])]);
    for (let size = 1; size <= bad.length; size++) expect((await check(cut(bad, size))).errorAt).toBe("3");
    // A character begun at the end of a chunk and not finished by the next one, or never.
    expect((await check([Buffer.from([0x61, 0x0a, 0xe2, 0x82]), Buffer.from("b\n")])).errorAt).toBe("2");
    expect((await check([Buffer.from([0x61, 0x0a, 0xe2, 0x82])])).errorAt).toBe("2");
  });

  it("tells whether bytes end inside a character", () => {
    expect(endsWholeCharacter(Buffer.from("abc"))).toBe(true);
    expect(endsWholeCharacter(Buffer.from("é"))).toBe(true);
    expect(endsWholeCharacter(Buffer.from("€").subarray(0, 2))).toBe(false);
    expect(endsWholeCharacter(Buffer.from("🧾"))).toBe(true);
    expect(endsWholeCharacter(Buffer.from("🧾").subarray(0, 3))).toBe(false);
    expect(endsWholeCharacter(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80]))).toBe(false);
    expect(endsWholeCharacter(Buffer.alloc(0))).toBe(true);
  });
});
