import { describe, expect, it } from "vitest";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../../core/peppol/peppol-identifiers.ts";
import { EN16931_CORPUS_PRESENT, EN16931_SKIP_NOTE, en16931File } from "../../testing/en16931-corpus.ts";
import { readSbdh } from "./read-sbdh.ts";
import { type SbdhWriteInput, writeSbdh } from "./write-sbdh.ts";

const INVOICE = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>F-2026-0001 &amp; co</cbc:ID>
</Invoice>`;

const INPUT: SbdhWriteInput = {
  sender: "0208:0123456749",
  receiver: "9925:be0987654321",
  documentType: BIS_INVOICE_DOCUMENT_TYPE,
  process: BIS_BILLING_PROCESS,
  countryC1: "BE",
  instanceIdentifier: "5b1c6a0e-4d8f-4f57-9f35-3c1f3a2b9d10",
  creationDateTime: new Date("2026-02-01T09:30:00.000Z"),
  mlsTo: "0242:000123",
  mlsType: "FAILURE_ONLY",
};

describe("writeSbdh", () => {
  it("writes an envelope that the reader accepts, with every field as given", () => {
    const written = writeSbdh(INPUT, INVOICE);
    if (!written.ok) throw new Error(written.error);
    const read = readSbdh(written.value);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.header).toMatchObject({
      sender: { scheme: "iso6523-actorid-upis", value: "0208:0123456749" },
      receiver: { scheme: "iso6523-actorid-upis", value: "9925:be0987654321" },
      documentType: { scheme: "busdox-docid-qns", value: BIS_INVOICE_DOCUMENT_TYPE },
      process: { scheme: "cenbii-procid-ubl", value: BIS_BILLING_PROCESS },
      countryC1: "BE",
      standard: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
      type: "Invoice",
      typeVersion: "2.1",
      instanceIdentifier: INPUT.instanceIdentifier,
      creationDateTime: "2026-02-01T09:30:00.000Z",
      mlsTo: { value: "0242:000123" },
      mlsType: "FAILURE_ONLY",
    });
    expect(read.value.businessMessage.children[0]?.text).toBe("F-2026-0001 & co");
  });

  it("keeps the payload as written and drops only its XML declaration", () => {
    const written = writeSbdh(INPUT, INVOICE);
    const text = written.ok ? written.value.toString("utf8") : "";
    expect(text).toContain(INVOICE.replace(/^<\?xml[^?]*\?>\n/, ""));
    expect(text.match(/<\?xml/g)).toHaveLength(1);
  });

  it.skipIf(!EN16931_CORPUS_PRESENT)(
    `wraps a corpus UBL invoice so that the reader accepts it${EN16931_SKIP_NOTE}`,
    () => {
      const ubl = en16931File("examples/ubl-tc434-example1.xml");
      const written = writeSbdh({ ...INPUT, mlsTo: undefined, mlsType: undefined }, ubl);
      expect(written.ok && readSbdh(written.value).ok).toBe(true);
    },
  );

  it("refuses a payload that is not what the document type names", () => {
    const written = writeSbdh({ ...INPUT, documentType: BIS_CREDIT_NOTE_DOCUMENT_TYPE }, INVOICE);
    expect(written.ok ? "" : written.error).toContain("not what the document type names");
  });

  it("refuses malformed identifiers and country codes", () => {
    expect(writeSbdh({ ...INPUT, receiver: "be0987654321" }, INVOICE)).toMatchObject({ ok: false });
    expect(writeSbdh({ ...INPUT, countryC1: "be" }, INVOICE)).toMatchObject({ ok: false });
    expect(writeSbdh({ ...INPUT, instanceIdentifier: " " }, INVOICE)).toMatchObject({ ok: false });
    expect(writeSbdh(INPUT, "<!DOCTYPE x []><Invoice/>")).toMatchObject({ ok: false });
  });
});
