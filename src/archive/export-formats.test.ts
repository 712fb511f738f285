import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { mboxEntry } from "./mbox-entry.ts";
import { ZipWriter } from "./zip-writer.ts";

const AT = new Date("2026-12-01T09:05:07.000Z");

describe("mboxEntry", () => {
  it("writes a From line with the envelope sender and quotes body lines that start with From", () => {
    const raw = Buffer.from("Subject: x\r\n\r\nFrom here on\r\n>From quoted\r\nnot From\r\n");
    expect(mboxEntry("bounce+1@b.test", AT, raw).toString()).toBe(
      "From bounce+1@b.test Tue Dec  1 09:05:07 2026\nSubject: x\n\n>From here on\n>>From quoted\nnot From\n\n",
    );
  });
});

describe("ZipWriter", () => {
  it.runIf(existsSync("/usr/bin/unzip"))(
    "writes a zip that unzip lists and extracts byte for byte",
    async () => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on("data", (chunk: Buffer) => chunks.push(chunk));
      const zip = new ZipWriter(out);
      const first = Buffer.from("Message-ID: <1@test>\r\n\r\nbody one\r\n");
      const second = Buffer.from([0, 1, 2, 255, 13, 10]);
      await zip.add("INV-1/main.eml", first, AT);
      await zip.add("INV-1/copy.eml", second, AT);
      await zip.add("INV-1/copie-é.eml", second, AT);
      await zip.finish();
      out.end();
      const dir = mkdtempSync(join(tmpdir(), "facteur-zip-"));
      const file = join(dir, "export.zip");
      writeFileSync(file, Buffer.concat(chunks));
      execFileSync("unzip", ["-tq", file]);
      execFileSync("unzip", ["-q", file, "-d", join(dir, "out")]);
      expect(readFileSync(join(dir, "out", "INV-1", "main.eml"))).toEqual(first);
      expect(readFileSync(join(dir, "out", "INV-1", "copy.eml"))).toEqual(second);
      // Names are UTF-8 with general purpose bit 11 set (Info-ZIP's unzip on Debian ignores the bit when extracting).
      const bytes = Buffer.concat(chunks);
      expect(bytes.readUInt16LE(6)).toBe(0x0800);
      expect(bytes.includes(Buffer.from("INV-1/copie-é.eml", "utf8"))).toBe(true);
    },
  );
});
