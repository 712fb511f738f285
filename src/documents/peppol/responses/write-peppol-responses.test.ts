import { describe, expect, it } from "vitest";
import type { MlsToWrite } from "../../../app/ports/peppol-response-writer.ts";
import { checkInvoiceResponse } from "../../../core/peppol/invoice-response-rules.ts";
import { parseXml } from "../../ubl/parse-xml.ts";
import type { XmlElement } from "../../ubl/xml-element.ts";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { readPeppolResponse } from "./read-peppol-response.ts";
import { writeInvoiceResponse } from "./write-invoice-response.ts";
import { writeMls } from "./write-mls.ts";

const AT = new Date("2026-11-28T10:15:30.123Z");

const negativeMls: MlsToWrite = {
  id: "MLS-1",
  issuedAt: AT,
  sender: "0242:000002",
  receiver: "0242:000001",
  responseCode: "RE",
  description: "Rejected due to validation errors",
  reference: "90f14eff-3705-4869-ad3c-caae270a234e",
  issues: [{ lineId: "NA", description: "[BR-CO-15] totals <do> not add up & more", reasonCode: "BV" }],
};

function statement(status: Parameters<typeof checkInvoiceResponse>[0]) {
  const checked = checkInvoiceResponse(status);
  if (!checked.ok) throw new Error(checked.error);
  return checked.value;
}

function invoiceResponse(note = "PO 4711 is not ours") {
  return {
    id: "IR-1",
    issuedAt: AT,
    sender: { participant: "0208:0403457345", name: "Buyer & Co" },
    receiver: { participant: "0208:0123456749", name: "Demo Company SRL" },
    statement: statement({ status: "under-query", reason: "REF", note }),
    invoice: { id: "INV-2026-0001", issueDate: "2026-01-15", typeCode: "380" },
  };
}

function written(result: { ok: true; value: string } | { ok: false; error: string }): string {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Every element path (local names from the root) of a document, once each. */
function paths(xml: string | Buffer): Set<string> {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const out = new Set<string>();
  const walk = (element: XmlElement, prefix: string) => {
    const path = `${prefix}/${element.name}`;
    out.add(path);
    for (const child of element.children) walk(child, path);
  };
  walk(parsed.value, "");
  return out;
}

describe("writeMls", () => {
  it("round-trips a negative MLS through readPeppolResponse, with its issue and the time zone on IssueTime", () => {
    const xml = written(writeMls(negativeMls));
    expect(xml).toContain("<cbc:IssueDate>2026-11-28</cbc:IssueDate>");
    expect(xml).toContain("<cbc:IssueTime>10:15:30Z</cbc:IssueTime>");
    expect(readPeppolResponse(xml)).toEqual({
      ok: true,
      value: {
        kind: "mls",
        id: "MLS-1",
        issueDate: "2026-11-28",
        issueTime: "10:15:30Z",
        sender: { scheme: "0242", value: "000002" },
        receiver: { scheme: "0242", value: "000001" },
        responseCode: "RE",
        status: "rejected",
        description: "Rejected due to validation errors",
        documentReference: { id: "90f14eff-3705-4869-ad3c-caae270a234e" },
        issues: [
          {
            lineId: "NA",
            reasonCode: "BV",
            description: "[BR-CO-15] totals <do> not add up & more",
            conditions: [],
          },
        ],
      },
    });
  });

  it("refuses a negative MLS without issues, and text XML cannot carry", () => {
    expect(writeMls({ ...negativeMls, issues: [] })).toMatchObject({ ok: false });
    expect(writeMls({ ...negativeMls, reference: "a\u0001b" })).toEqual({
      ok: false,
      error: "cbc:ID contains a character XML cannot carry",
    });
  });

  it("keeps markup in the data as text: no element can be injected", () => {
    const hostile = '</cbc:ID><cbc:ResponseCode>AP</cbc:ResponseCode><x a="';
    const xml = written(writeMls({ ...negativeMls, reference: hostile, description: "'\"\r\nx" }));
    const read = readPeppolResponse(xml);
    expect(read).toMatchObject({
      ok: true,
      value: { responseCode: "RE", documentReference: { id: hostile }, description: "'\"\r\nx" },
    });
  });
});

describe("writeInvoiceResponse", () => {
  it("round-trips an under-query response with its clarification, and a paid one with its note", () => {
    expect(readPeppolResponse(written(writeInvoiceResponse(invoiceResponse())))).toMatchObject({
      ok: true,
      value: {
        kind: "invoice-response",
        status: "under-query",
        responseCode: "UQ",
        sender: { scheme: "0208", value: "0403457345" },
        receiver: { scheme: "0208", value: "0123456749" },
        documentReference: { id: "INV-2026-0001", issueDate: "2026-01-15", typeCode: "380" },
        issues: [
          {
            reasonCode: "REF",
            reasonListId: "OPStatusReason",
            description: "PO 4711 is not ours",
            conditions: [],
          },
        ],
      },
    });
    const paid = written(
      writeInvoiceResponse({
        ...invoiceResponse(),
        statement: statement({ status: "paid", note: "paid <today>" }),
        effectiveDate: "2026-02-01",
      }),
    );
    expect(readPeppolResponse(paid)).toMatchObject({
      ok: true,
      value: { status: "paid", note: "paid <today>", effectiveDate: "2026-02-01", issues: [] },
    });
  });
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(
  `written responses against the corpus examples${PEPPOL_SKIP_NOTE}`,
  () => {
    it("a negative MLS has exactly the elements of the corpus's negative MLS, a positive one those of the positive", () => {
      expect(paths(written(writeMls(negativeMls)))).toEqual(
        paths(corpusFile("mls/MessageLevelStatus_Example_RE.xml")),
      );
      const positive = { ...negativeMls, responseCode: "AP" as const, issues: [] };
      const { description: _, ...withoutDescription } = positive;
      expect(paths(written(writeMls(withoutDescription)))).toEqual(
        paths(corpusFile("mls/MessageLevelStatus_Example_AP.xml")),
      );
    });

    it("an Invoice Response uses only elements the corpus example has, and every mandatory one of it", () => {
      const corpus = paths(corpusFile("mls/InvoiceResponse_Example.xml"));
      const ours = paths(
        written(writeInvoiceResponse({ ...invoiceResponse(), effectiveDate: "2026-02-01" })),
      );
      expect([...ours].filter((path) => !corpus.has(path))).toEqual([]);
      const optional = /PartyIdentification|Contact|IssuerParty|Condition|\/Note$/;
      expect([...corpus].filter((path) => !ours.has(path) && !optional.test(path))).toEqual([]);
    });
  },
);
