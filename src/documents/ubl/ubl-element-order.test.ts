import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EN16931_CORPUS_PRESENT,
  EN16931_SKIP_NOTE,
  en16931File,
  en16931Folder,
} from "../testing/en16931-corpus.ts";
import { parseXml } from "./parse-xml.ts";
import { readUbl } from "./read-ubl.ts";
import { arbitraryInvoice } from "./testing/arbitrary-invoice.ts";
import { writeUbl } from "./write-ubl.ts";
import { qualifiedName, type XmlElement } from "./xml-element.ts";

/**
 * The schema's sequence order, learnt from the corpus: its documents are schema-valid, so whenever element A precedes
 * sibling B there, B must never precede A in what facteur writes. Also records which children each parent may have.
 * Every test here judges against that learnt order, so the whole suite skips when the corpus is absent.
 */
const before = new Set<string>();
const allowedChildren = new Set<string>();

function learn(element: XmlElement): void {
  const parent = qualifiedName(element);
  const names = element.children.map(qualifiedName);
  for (let i = 0; i < names.length; i++) {
    allowedChildren.add(`${parent} > ${names[i]}`);
    for (let j = i + 1; j < names.length; j++)
      if (names[i] !== names[j]) before.add(`${parent}: ${names[i]} < ${names[j]}`);
  }
  for (const child of element.children) learn(child);
}

function violations(element: XmlElement, found: string[]): string[] {
  const parent = qualifiedName(element);
  const names = element.children.map(qualifiedName);
  for (let i = 0; i < names.length; i++) {
    if (!allowedChildren.has(`${parent} > ${names[i]}`)) found.push(`${parent} never contains ${names[i]}`);
    for (let j = i + 1; j < names.length; j++) {
      if (before.has(`${parent}: ${names[j]} < ${names[i]}`))
        found.push(`${parent}: ${names[i]} written before ${names[j]}`);
    }
  }
  for (const child of element.children) violations(child, found);
  return found;
}

// The corpus comments out PaymentMeans/PaymentDueDate (BT-9 of a credit note); UBL 2.1's PaymentMeansType sequence
// is ID, PaymentMeansCode, PaymentDueDate, PaymentChannelCode, InstructionID, InstructionNote, PaymentID, ...
allowedChildren.add("cac:PaymentMeans > cbc:PaymentDueDate");
before.add("cac:PaymentMeans: cbc:PaymentMeansCode < cbc:PaymentDueDate");
before.add("cac:PaymentMeans: cbc:PaymentDueDate < cbc:PaymentID");
before.add("cac:PaymentMeans: cbc:PaymentDueDate < cac:PayeeFinancialAccount");

const files = EN16931_CORPUS_PRESENT
  ? ["examples", "testfiles"].flatMap((dir) => en16931Folder(dir).map((f) => `${dir}/${f}`))
  : [];
for (const file of files) {
  const parsed = parseXml(en16931File(file));
  if (parsed.ok) learn(parsed.value);
}

function writtenTree(xml: string): XmlElement {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe.skipIf(!EN16931_CORPUS_PRESENT)(`element order of written UBL${EN16931_SKIP_NOTE}`, () => {
  it("learnt the sibling order from the corpus", () => {
    expect(before.size).toBeGreaterThan(500);
    expect(before).toContain("Invoice: cbc:IssueDate < cbc:InvoiceTypeCode");
    expect(before).toContain("CreditNote: cac:AdditionalDocumentReference < cac:OriginatorDocumentReference");
  });

  it("follows the corpus order, and uses only children the corpus uses, for every corpus document written back", () => {
    for (const file of files) {
      const read = readUbl(en16931File(file));
      if (!read.ok) throw new Error(read.error.message);
      const written = writeUbl(read.value);
      if (!written.ok) throw new Error(written.error.message);
      expect(violations(writtenTree(written.value), []), file).toEqual([]);
    }
  });

  it("follows the corpus order for generated invoices and credit notes", () => {
    for (const { document } of fc.sample(arbitraryInvoice({ maxLines: 6 }), { numRuns: 100, seed: 7 })) {
      const written = writeUbl(document);
      if (!written.ok) throw new Error(written.error.message);
      expect(violations(writtenTree(written.value), [])).toEqual([]);
    }
  });
});
