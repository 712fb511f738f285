import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  EN16931_CORPUS_PRESENT,
  EN16931_SKIP_NOTE,
  en16931Path,
} from "../../documents/testing/en16931-corpus.ts";
import { writeUbl } from "../../documents/ubl/write-ubl.ts";
import { minimalInvoice } from "../../documents/validation/testing/minimal-invoice.ts";
import type { Io } from "../io.ts";
import { validateCommand } from "./validate.ts";

const CREDIT_NOTE = en16931Path("examples/ubl-tc434-creditnote1.xml");

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false }, out, err };
}

async function run(args: string[]): Promise<{ out: string[]; exitCode: typeof process.exitCode }> {
  const { io, out } = capture();
  await validateCommand(io).parseAsync(["node", "validate", ...args]);
  return { out, exitCode: process.exitCode };
}

const directories: string[] = [];

function tempFile(name: string, content: string | Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), "facteur-validate-"));
  directories.push(directory);
  const file = join(directory, name);
  writeFileSync(file, content);
  return file;
}

function validUbl(): string {
  const written = writeUbl(minimalInvoice());
  if (!written.ok) throw new Error(written.error.message);
  return written.value.toString();
}

describe("facteur validate", () => {
  afterEach(() => {
    process.exitCode = undefined;
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it("says a valid invoice is valid and leaves the exit code alone", async () => {
    const file = tempFile("valid.xml", validUbl());
    const { out, exitCode } = await run([file]);
    expect(out).toEqual([`${file}: valid`]);
    expect(exitCode).toBeUndefined();
  });

  it("prints each finding of an invalid invoice with its rule and location and sets exit code 1", async () => {
    const file = tempFile(
      "invalid.xml",
      validUbl().replace("<cbc:BuyerReference>PO-77</cbc:BuyerReference>", ""),
    );
    const { out, exitCode } = await run([file]);
    expect(out[0]).toBe(`${file}: invalid (1 fatal, 0 warnings)`);
    expect(out[1]).toContain("PEPPOL-EN16931-R003  /Invoice");
    expect(out[1]).toContain("A buyer reference or purchase order reference MUST be provided.");
    expect(exitCode).toBe(1);
  });

  it.skipIf(!EN16931_CORPUS_PRESENT)(
    `prints one JSON object per file with --json, files it cannot parse included${EN16931_SKIP_NOTE}`,
    async () => {
      const good = tempFile("good.xml", validUbl());
      const broken = tempFile("broken.xml", "<Invoice><unclosed></Invoice>");
      const { out, exitCode } = await run(["--json", good, broken, CREDIT_NOTE]);
      const lines = out.map(
        (line) => JSON.parse(line) as { file: string; valid: boolean; findings: { rule: string }[] },
      );
      expect(lines.map((l) => [l.file, l.valid])).toEqual([
        [good, true],
        [broken, false],
        [CREDIT_NOTE, false],
      ]);
      expect(lines[1]?.findings).toEqual([
        expect.objectContaining({
          rule: "XML",
          severity: "fatal",
          message: expect.stringContaining("not-xml"),
        }),
      ]);
      expect(Object.keys(lines[2]?.findings[0] ?? {})).toEqual(["rule", "severity", "location", "message"]);
      expect(exitCode).toBe(1);
    },
  );

  it("reports a missing file, a wrong root element and a DOCTYPE as findings, not crashes", async () => {
    const wrongRoot = tempFile(
      "order.xml",
      '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>',
    );
    const doctype = tempFile(
      "laughs.xml",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Invoice>&lol;</Invoice>',
    );
    const { out, exitCode } = await run(["--json", "/nonexistent/invoice.xml", wrongRoot, doctype]);
    const rules = out.map(
      (line) => (JSON.parse(line) as { findings: { rule: string; message: string }[] }).findings,
    );
    expect(rules.map((f) => f.map((x) => x.rule))).toEqual([["FILE"], ["XML"], ["XML"]]);
    expect(rules[1]?.[0]?.message).toContain("wrong-root");
    expect(rules[2]?.[0]?.message).toContain("doctype-refused");
    expect(exitCode).toBe(1);
  });

  it("refuses a file over 20 MB without parsing it", async () => {
    const big = tempFile("big.xml", Buffer.alloc(20 * 1024 * 1024 + 10, 0x20));
    const { out } = await run(["--json", big]);
    expect(out[0]).toContain("too-large");
  });
});
