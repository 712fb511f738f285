import { describe, expect, it } from "vitest";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { readPeppolResponse } from "./read-peppol-response.ts";

function read(name: string) {
  const response = readPeppolResponse(corpusFile(`mls/${name}`));
  if (!response.ok) throw new Error(response.error);
  return response.value;
}

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`readPeppolResponse on the corpus${PEPPOL_SKIP_NOTE}`, () => {
  it("reads the positive Message Level Status as accepted, referring to the SBDH instance id", () => {
    expect(read("MessageLevelStatus_Example_AP.xml")).toEqual({
      kind: "mls",
      id: "MLS-ID123",
      issueDate: "2025-03-11",
      issueTime: "12:00:00Z",
      sender: { scheme: "0242", value: "123456" },
      receiver: { scheme: "0242", value: "234567" },
      responseCode: "AP",
      status: "accepted",
      documentReference: { id: "90f14eff-3705-4869-ad3c-caae270a234e" },
      issues: [],
    });
  });

  it("reads the negative Message Level Status as rejected, with its issue", () => {
    const response = read("MessageLevelStatus_Example_RE.xml");
    expect([response.kind, response.status, response.description]).toEqual([
      "mls",
      "rejected",
      "Rejected due to validation errors",
    ]);
    expect(response.issues).toEqual([
      {
        lineId: "/Catalogue/cac:CatalogueLine[3]/cac:Item[1]/cac:ClassifiedTaxCategory[1]/cbc:ID[1]",
        reasonCode: "BV",
        description:
          "Validation gives error [CL-T77-R002]- Tax categories MUST be coded using UN/ECE 5305 code list",
        conditions: [],
      },
    ]);
  });

  it("reads the Message Level Response as rejected, with the line's own response code", () => {
    const response = read("MessageLevelResponse_Example.xml");
    expect([response.kind, response.status, response.documentReference.id]).toEqual([
      "mlr",
      "rejected",
      "EnvelopeID-12456789",
    ]);
    expect(response.issues[0]).toMatchObject({ responseCode: "RE", reasonCode: "BV" });
  });

  it("reads the Invoice Response as rejected, with its status action and the condition on BT-48", () => {
    const response = read("InvoiceResponse_Example.xml");
    expect(response).toMatchObject({
      kind: "invoice-response",
      status: "rejected",
      effectiveDate: "2018-09-24",
      note: "text",
      sender: { scheme: "0088", value: "5798000012349" },
      documentReference: { id: "inv021", issueDate: "2018-09-22", typeCode: "380" },
    });
    expect(response.issues).toEqual([
      {
        reasonCode: "NOA",
        reasonListId: "OPStatusAction",
        description: "VAT Reference not found",
        conditions: [{ attributeId: "BT-48", description: "EU123456789" }],
      },
    ]);
  });
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`readPeppolResponse${PEPPOL_SKIP_NOTE}`, () => {
  const invoiceResponse = PEPPOL_CORPUS_PRESENT
    ? corpusFile("mls/InvoiceResponse_Example.xml").toString("utf8")
    : "";

  it("maps every Invoice Response code to its status", () => {
    const statuses = ["AB", "IP", "UQ", "CA", "RE", "AP", "PD"].map((code) => {
      const response = readPeppolResponse(invoiceResponse.replace(">RE<", `>${code}<`));
      return response.ok ? response.value.status : response.error;
    });
    expect(statuses).toEqual([
      "acknowledged",
      "in-process",
      "under-query",
      "conditionally-accepted",
      "rejected",
      "accepted",
      "paid",
    ]);
  });

  it("refuses a code the kind does not allow, an unknown customization and another document", () => {
    const mls = corpusFile("mls/MessageLevelStatus_Example_AP.xml").toString("utf8");
    expect(readPeppolResponse(mls.replace(">AP<", ">PD<"))).toEqual({
      ok: false,
      error: "the response code PD is not allowed in a mls",
    });
    expect(readPeppolResponse(mls.replace("urn:peppol:edec:mls:1.0", "urn:other"))).toMatchObject({
      ok: false,
    });
    expect(readPeppolResponse(corpusFile("smp/peppol-service-group.xml"))).toMatchObject({ ok: false });
  });
});
