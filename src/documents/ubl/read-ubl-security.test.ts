import { describe, expect, it } from "vitest";
import { readUbl, readUblElement } from "./read-ubl.ts";
import { simpleInvoice } from "./testing/simple-invoice.ts";
import { writeUbl } from "./write-ubl.ts";

const NS =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

function errorOf(input: string | Buffer, maxBytes?: number) {
  const result = readUbl(input, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error("expected the read to fail");
  return result.error;
}

describe("readUbl on hostile or broken input", () => {
  it("refuses an external entity (XXE) before parsing", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <Invoice ${NS}><cbc:Note>&xxe;</cbc:Note></Invoice>`;
    expect(errorOf(xml).code).toBe("doctype-refused");
  });

  it("refuses a billion-laughs entity expansion quickly", () => {
    const lols = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join("");
    const xml = `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${lols}]><Invoice ${NS}><cbc:Note>&lol9;</cbc:Note></Invoice>`;
    const start = performance.now();
    expect(errorOf(xml).code).toBe("doctype-refused");
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("refuses an undefined entity reference as malformed XML", () => {
    expect(errorOf(`<Invoice ${NS}><cbc:Note>&foo;</cbc:Note></Invoice>`).code).toBe("not-xml");
  });

  it("refuses a 50 MB input with a clear size error, without parsing it", () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const start = performance.now();
    const error = errorOf(big);
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("20971520");
    expect(performance.now() - start).toBeLessThan(200);
  });

  it("applies a smaller size limit when asked", () => {
    expect(errorOf(`<Invoice ${NS}/>`, 10).code).toBe("too-large");
  });

  it("names the root element it found when it is not an Invoice or CreditNote", () => {
    const error = errorOf('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>');
    expect(error.code).toBe("wrong-root");
    expect(error.message).toContain(
      "<Order> in namespace urn:oasis:names:specification:ubl:schema:xsd:Order-2",
    );
  });

  it("refuses an Invoice element in the wrong namespace", () => {
    expect(errorOf("<Invoice><ID>1</ID></Invoice>").message).toContain("<Invoice> in no namespace");
  });

  it("reports malformed XML with its line and column", () => {
    const error = errorOf(`<Invoice ${NS}>\n<cbc:ID>1</cbc:Note></Invoice>`);
    expect(error.code).toBe("not-xml");
    expect(error.location).toMatch(/^line 2, column \d+$/);
  });

  it("reports a truncated document as malformed, not as a partial invoice", () => {
    expect(errorOf(`<Invoice ${NS}><cbc:ID>1</cbc:ID>`).code).toBe("not-xml");
  });

  it("reports text that is not XML at all", () => {
    expect(errorOf("this is not xml").code).toBe("not-xml");
    expect(errorOf("").code).toBe("not-xml");
    expect(errorOf(Buffer.from([0xff, 0x00, 0x12])).code).toBe("not-xml");
  });

  it("reports an undeclared namespace prefix", () => {
    expect(errorOf(`<Invoice ${NS}><cac:Party/></Invoice>`).code).toBe("not-xml");
  });

  it("refuses absurdly deep nesting instead of overflowing the stack", () => {
    const xml = `<Invoice ${NS}>${"<x>".repeat(5000)}${"</x>".repeat(5000)}</Invoice>`;
    expect(errorOf(xml).code).toBe("not-xml");
  });

  it("reads a string fragment through readUblElement with the same checks", () => {
    const result = readUblElement("<!DOCTYPE x><Invoice/>");
    expect(result.ok || result.error.code).toBe("doctype-refused");
  });

  it("writes and reads a 10,000-line invoice in bounded time", () => {
    const start = performance.now();
    const written = writeUbl(simpleInvoice(10_000));
    if (!written.ok) throw new Error(written.error.message);
    const read = readUbl(written.value);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.lines).toHaveLength(10_000);
    expect(read.value.lines[9_999]?.item.name).toBe("Consulting, item 10000");
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});
