import { describe, expect, it } from "vitest";
import { selectSmpEndpoint } from "../../../core/peppol/select-smp-endpoint.ts";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import type { XmlTreeDocument } from "../xml/xml-tree.ts";
import { readSmpServiceGroup } from "./read-smp-service-group.ts";
import { readSmpServiceMetadata } from "./read-smp-service-metadata.ts";
import { verifySmpSignature } from "./verify-smp-signature.ts";

function parse(name: string | Buffer): XmlTreeDocument {
  const parsed = parseXmlTree(typeof name === "string" ? corpusFile(`smp/${name}`) : name);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("readSmpServiceMetadata", () => {
  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `reads the endpoints of a signed response: transport, address, certificate, dates${PEPPOL_SKIP_NOTE}`,
    () => {
      const read = readSmpServiceMetadata(parse("signed-service-metadata3-c14n-inclusive.xml").root);
      if (!read.ok || read.value.kind !== "service-information") throw new Error("not read");
      expect(read.value.participant).toEqual({ scheme: "iso6523-actorid-upis", value: "0106:55872255" });
      expect(read.value.documentType.scheme).toBe("busdox-docid-qns");
      const [process] = read.value.processes;
      expect(process?.process).toEqual({
        scheme: "cenbii-procid-ubl",
        value: "urn:www.cenbii.eu:profile:bii04:ver1.0",
      });
      expect(process?.endpoints.map((e) => [e.transportProfile, e.address])).toEqual([
        ["busdox-transport-as2-ver1p0", "https://peppolap.everbinding.nl/as2"],
        ["peppol-transport-as4-v2_0", "https://ap.econnect.eu/as4/v1"],
      ]);
      expect(process?.endpoints[1]).toMatchObject({
        requireBusinessLevelSignature: false,
        serviceActivationDate: "2018-08-15T00:00:00Z",
        serviceExpirationDate: "2020-08-04T23:59:59Z",
        serviceDescription: "As4",
        technicalContactUrl: "techsupport@econnect.eu",
      });
      expect(
        process?.endpoints[1]?.certificate.startsWith("MIIFvDCCA6SgAwIBAgIQHcGkPYVF3EHSpKPX1PnPMz"),
      ).toBe(true);
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `reads an unsigned response and its optional fields${PEPPOL_SKIP_NOTE}`,
    () => {
      const read = readSmpServiceMetadata(parse("peppol-service-metadata.xml").root);
      if (!read.ok || read.value.kind !== "service-information") throw new Error("not read");
      expect(read.value.processes[0]?.endpoints[0]).toEqual({
        transportProfile: "peppol-transport-as4-v2_0",
        address: "http://test.smpserver/as4",
        certificate: "blacert",
        requireBusinessLevelSignature: false,
        serviceDescription: "Unit test service",
        technicalContactUrl: "https://github.com/phax/phoss-smp",
      });
    },
  );

  it("reads a redirect to another SMP", () => {
    const xml = `<smp:ServiceMetadata xmlns:smp="http://busdox.org/serviceMetadata/publishing/1.0/">
<smp:Redirect href="https://other.smp/iso6523-actorid-upis::0208:0123456749"><smp:CertificateUID>CN=SMP</smp:CertificateUID></smp:Redirect>
</smp:ServiceMetadata>`;
    expect(readSmpServiceMetadata(parse(Buffer.from(xml)).root)).toEqual({
      ok: true,
      value: {
        kind: "redirect",
        href: "https://other.smp/iso6523-actorid-upis::0208:0123456749",
        certificateUid: "CN=SMP",
      },
    });
  });

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(`refuses another document${PEPPOL_SKIP_NOTE}`, () => {
    expect(readSmpServiceMetadata(parse("peppol-service-group.xml").root)).toMatchObject({ ok: false });
  });
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`selectSmpEndpoint${PEPPOL_SKIP_NOTE}`, () => {
  const read = PEPPOL_CORPUS_PRESENT
    ? readSmpServiceMetadata(parse("signed-service-metadata3-c14n-inclusive.xml").root)
    : undefined;
  const metadata = read?.ok ? read.value : undefined;
  const process = "urn:www.cenbii.eu:profile:bii04:ver1.0";

  it("picks the AS4 endpoint that is active at the given moment", () => {
    if (!metadata) throw new Error("not read");
    const picked = selectSmpEndpoint(metadata, { process, at: new Date("2019-01-01T00:00:00Z") });
    expect(picked.ok && picked.value.address).toBe("https://ap.econnect.eu/as4/v1");
  });

  it("says why no endpoint fits: expired, not yet active, other process, other transport", () => {
    if (!metadata) throw new Error("not read");
    expect(selectSmpEndpoint(metadata, { process, at: new Date("2026-01-01T00:00:00Z") })).toEqual({
      ok: false,
      error: "expired",
    });
    expect(selectSmpEndpoint(metadata, { process, at: new Date("2018-01-01T00:00:00Z") })).toEqual({
      ok: false,
      error: "not-yet-active",
    });
    expect(selectSmpEndpoint(metadata, { process: "urn:other", at: new Date("2019-01-01") })).toEqual({
      ok: false,
      error: "no-process",
    });
    expect(
      selectSmpEndpoint(metadata, {
        process,
        transportProfile: "peppol-transport-as4-v3",
        at: new Date("2019-01-01"),
      }),
    ).toEqual({ ok: false, error: "no-transport" });
  });
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`verifySmpSignature${PEPPOL_SKIP_NOTE}`, () => {
  it("fails response 1 and passes responses 2 and 3", () => {
    expect(verifySmpSignature(parse("signed-service-metadata1.xml")).status).toBe("invalid");
    expect(verifySmpSignature(parse("signed-service-metadata2.xml")).status).toBe("valid");
    expect(verifySmpSignature(parse("signed-service-metadata3-c14n-inclusive.xml")).status).toBe("valid");
  });

  it("refuses an unsigned response", () => {
    expect(verifySmpSignature(parse("peppol-service-metadata.xml")).problems).toEqual([
      "the response holds 0 signatures, not one",
    ]);
  });

  it("refuses a valid signature that covers only part of the response", () => {
    const original = corpusFile("smp/signed-service-metadata2.xml").toString("utf8");
    const moved = original
      .replace('<Reference URI="">', '<Reference URI="#part">')
      .replace("<ServiceMetadata>", '<ServiceMetadata Id="part">');
    expect(verifySmpSignature(parse(Buffer.from(moved))).problems).toContain(
      "the signature does not cover the whole response",
    );
  });
});

describe("readSmpServiceGroup", () => {
  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `reads the participant and its (here empty) references${PEPPOL_SKIP_NOTE}`,
    () => {
      expect(readSmpServiceGroup(parse("peppol-service-group.xml").root)).toEqual({
        ok: true,
        value: { participant: { scheme: "iso6523-actorid-upis", value: "9915:xxx" }, references: [] },
      });
    },
  );

  it("reads the href of every ServiceMetadataReference", () => {
    const xml = `<ServiceGroup xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">
<ids:ParticipantIdentifier scheme="iso6523-actorid-upis">0208:0123456749</ids:ParticipantIdentifier>
<ServiceMetadataReferenceCollection><ServiceMetadataReference href="https://smp/a"/><ServiceMetadataReference href="https://smp/b"/></ServiceMetadataReferenceCollection>
</ServiceGroup>`;
    const read = readSmpServiceGroup(parse(Buffer.from(xml)).root);
    expect(read.ok && read.value.references).toEqual(["https://smp/a", "https://smp/b"]);
  });
});
