import { describe, expect, it } from "vitest";
import {
  corpusFile,
  corpusFolder,
  PEPPOL_CORPUS_PRESENT,
  PEPPOL_SKIP_NOTE,
} from "../testing/peppol-corpus.ts";
import { readSbdh } from "./read-sbdh.ts";

/** Every sbdh-bad file, with the field and the words its first reason must name. */
const EXPECTED_REASONS: Readonly<Record<string, readonly [string, string]>> = {
  "bad-invalid-business-message.xml": ["business message", "no business message"],
  "bad-invalid-creation-date-and-time.xml": ["CreationDateAndTime", "CreationDateAndTime is missing"],
  "bad-invalid-document-type-identifier.xml": [
    "Scope[1]/InstanceIdentifier",
    "document type identifier is empty",
  ],
  "bad-invalid-header-version.xml": ["HeaderVersion", '"1.5"'],
  "bad-invalid-instance-identifier.xml": ["InstanceIdentifier", "InstanceIdentifier is missing"],
  "bad-invalid-process-identifier.xml": ["Scope[2]/InstanceIdentifier", "process identifier is empty"],
  "bad-invalid-receiver-authority.xml": ["Receiver/Identifier/@Authority", '"foobar2000"'],
  "bad-invalid-receiver-value.xml": ["Receiver/Identifier", "Receiver identifier is empty"],
  "bad-invalid-sender-authority.xml": ["Sender/Identifier/@Authority", '"humpty dumpty"'],
  "bad-invalid-sender-value.xml": ["Sender/Identifier", "Sender identifier is empty"],
  "bad-invalid-standard.xml": ["DocumentIdentification/Standard", '"Error"'],
  "bad-invalid-type-version.xml": ["DocumentIdentification/TypeVersion", '"Error"'],
  "bad-invalid-type.xml": ["DocumentIdentification/Type", '"Error" is not the business message'],
  "bad-mls-to-empty.xml": ["Scope[4]", "MLS_TO"],
  "bad-mls-to-invalid-value.xml": ["Scope[4]/InstanceIdentifier", 'MLS_TO "test" is not a participant'],
  "bad-mls-to-no-scheme.xml": ["Scope[4]/Identifier", "MLS_TO scope must name the scheme"],
  "bad-mls-to-no-value.xml": ["Scope[4]/InstanceIdentifier", "MLS_TO scope has no participant"],
  "bad-mls-type-empty.xml": ["Scope[4]/InstanceIdentifier", "MLS_TYPE"],
  "bad-mls-type-invalid-value.xml": ["Scope[4]/InstanceIdentifier", '"always_SEND" must be ALWAYS_SEND'],
  "bad-no-business-message.xml": ["business message", "text, not an XML element"],
  "bad-no-business-scope.xml": ["BusinessScope", "BusinessScope is missing"],
  "bad-no-country-c1.xml": ["BusinessScope", "no COUNTRY_C1 scope"],
  "bad-no-document-type-identifier.xml": ["BusinessScope", "no DOCUMENTID scope"],
  "bad-no-process-identifier.xml": ["BusinessScope", "no PROCESSID scope"],
  "bad-no-sbdh.xml": ["SBDH", "no StandardBusinessDocumentHeader"],
  "bad-no-xml.txt": ["XML", "not well-formed"],
  "bad-too-few-receivers.xml": ["SBDH/Receiver", "exactly one Receiver is required, found 0"],
  "bad-too-few-scopes.xml": ["BusinessScope", "at least 3 Scope elements"],
  "bad-too-few-senders.xml": ["SBDH/Sender", "exactly one Sender is required, found 0"],
  "bad-too-many-receivers.xml": ["SBDH/Receiver", "exactly one Receiver is required, found 2"],
  "bad-too-many-senders.xml": ["SBDH/Sender", "exactly one Sender is required, found 2"],
};

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`readSbdh on the corpus${PEPPOL_SKIP_NOTE}`, () => {
  const good = PEPPOL_CORPUS_PRESENT ? corpusFolder("sbdh/sbdh-good") : [];
  const bad = PEPPOL_CORPUS_PRESENT ? corpusFolder("sbdh/sbdh-bad") : [];

  it("finds the 14 good and 31 bad corpus files, and knows the reason for every bad one", () => {
    expect(good).toHaveLength(14);
    expect(bad).toHaveLength(31);
    expect(Object.keys(EXPECTED_REASONS).sort()).toEqual(bad);
  });

  for (const name of good) {
    it(`accepts sbdh-good/${name}`, () => {
      const read = readSbdh(corpusFile(`sbdh/sbdh-good/${name}`));
      expect(read.ok ? [] : read.error).toEqual([]);
    });
  }

  for (const name of bad) {
    it(`rejects sbdh-bad/${name} with a reason naming what is wrong`, () => {
      const read = readSbdh(corpusFile(`sbdh/sbdh-bad/${name}`));
      expect(read.ok).toBe(false);
      const [field = "", words = ""] = EXPECTED_REASONS[name] ?? [];
      const first = read.ok ? undefined : read.error[0];
      expect(first?.field).toContain(field);
      expect(first?.message).toContain(words);
    });
  }
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`readSbdh${PEPPOL_SKIP_NOTE}`, () => {
  it("reads the header of a BIS 3 envelope with every Peppol scope", () => {
    const read = readSbdh(corpusFile("sbdh/sbdh-good/good-bis3-full.xml"));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.header).toEqual({
      sender: { scheme: "iso6523-actorid-upis", value: "0088:7315458756324" },
      receiver: { scheme: "iso6523-actorid-upis", value: "0088:4562458856624" },
      documentType: {
        scheme: "busdox-docid-qns",
        value:
          "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1",
      },
      process: { scheme: "cenbii-procid-ubl", value: "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0" },
      countryC1: "AT",
      standard: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
      typeVersion: "2.1",
      type: "Invoice",
      instanceIdentifier: "a593a0aa-6ff7-48b0-8906-5534fa5212e0",
      creationDateTime: "2019-04-25T15:46:10Z",
      mlsTo: { scheme: "iso6523-actorid-upis", value: "9915:test" },
      mlsType: "ALWAYS_SEND",
      additionalAttributes: [],
    });
    expect(read.value.businessMessage.name).toBe("Invoice");
  });

  it("keeps scopes Peppol does not define as additional attributes", () => {
    const read = readSbdh(corpusFile("sbdh/sbdh-good/good-additional-scopes.xml"));
    expect(read.ok && read.value.header.additionalAttributes).toEqual([
      { name: "any", value: "other" },
      { name: "any2", value: "other2" },
    ]);
  });

  it("accepts a removed participant scheme with a warning, as the network still carries it", () => {
    const read = readSbdh(corpusFile("sbdh/sbdh-good/good-gxs1.xml"));
    expect(read.ok && read.value.warnings.map((w) => w.message)).toEqual([
      "9958 (DE:LID) is removed from the code list",
    ]);
  });

  it("reads a wrapped PDF payload, whose Type and TypeVersion describe the wrapped document", () => {
    const read = readSbdh(corpusFile("sbdh/sbdh-good/good-hybrid-invoice.xml"));
    expect(read.ok && read.value.businessMessage.name).toBe("BinaryContent");
  });

  it("rejects a COUNTRY_C1 that is not a two-letter code, a duplicated scope and an impossible date", () => {
    const xml = corpusFile("sbdh/sbdh-good/good.xml")
      .toString("utf8")
      .replace(
        "<InstanceIdentifier>AT</InstanceIdentifier>",
        "<InstanceIdentifier>Austria</InstanceIdentifier>",
      )
      .replace("2013-02-19T05:10:10Z", "2013-02-30T05:10:10Z")
      .replace("<Type>PROCESSID</Type>", "<Type>DOCUMENTID</Type>");
    const read = readSbdh(xml);
    const messages = read.ok ? [] : read.error.map((p) => p.message);
    expect(messages).toContain('COUNTRY_C1 "Austria" is not a two-letter country code');
    expect(messages).toContain('"2013-02-30T05:10:10Z" is not a date and time (xs:dateTime)');
    expect(messages).toContain("the DOCUMENTID scope occurs more than once");
    expect(messages).toContain("there is no PROCESSID scope");
  });

  it("refuses a document whose root is not a StandardBusinessDocument", () => {
    const read = readSbdh(corpusFile("mls/MessageLevelStatus_Example_AP.xml"));
    expect(read.ok ? [] : read.error.map((p) => p.message)).toEqual([
      "the root element is ApplicationResponse, not a StandardBusinessDocument",
    ]);
  });
});
