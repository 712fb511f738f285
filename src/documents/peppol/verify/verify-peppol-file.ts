import { SOAP12_NS } from "../as4/as4-namespaces.ts";
import { readAs4Dump } from "../as4/read-as4-message.ts";
import { readPeppolResponse } from "../responses/read-peppol-response.ts";
import { readSbdh } from "../sbdh/read-sbdh.ts";
import { SBDH_NS } from "../sbdh/sbdh-namespaces.ts";
import { readSmpServiceGroup } from "../smp/read-smp-service-group.ts";
import { readSmpServiceMetadata } from "../smp/read-smp-service-metadata.ts";
import { SMP_NS } from "../smp/smp-namespaces.ts";
import { verifySmpSignature } from "../smp/verify-smp-signature.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import type { XmlTreeDocument } from "../xml/xml-tree.ts";
import {
  type FileCheck,
  type PeppolFileReport,
  report,
  signatureChecks,
  type TrustOptions,
} from "./peppol-file-report.ts";
import { verifyAs4File } from "./verify-as4-file.ts";

function smpReport(document: XmlTreeDocument, trust: TrustOptions): PeppolFileReport {
  const { root } = document;
  if (root.localName === "ServiceGroup") {
    const group = readSmpServiceGroup(root);
    const detail = group.ok
      ? `${group.value.participant.value}: ${group.value.references.length} document types`
      : group.error;
    return report("smp-service-group", [
      { name: "service group", outcome: group.ok ? "pass" : "fail", detail },
    ]);
  }
  const checks: FileCheck[] = signatureChecks(verifySmpSignature(document), trust);
  const metadata = readSmpServiceMetadata(root);
  if (!metadata.ok) checks.push({ name: "service metadata", outcome: "fail", detail: metadata.error });
  else if (metadata.value.kind === "redirect")
    checks.push({ name: "service metadata", outcome: "info", detail: `redirect to ${metadata.value.href}` });
  else
    for (const process of metadata.value.processes)
      for (const endpoint of process.endpoints) {
        const dates = `${endpoint.serviceActivationDate ?? "?"} to ${endpoint.serviceExpirationDate ?? "?"}`;
        const detail = `${endpoint.transportProfile} ${endpoint.address} (${dates})`;
        checks.push({ name: "endpoint", outcome: "info", detail });
      }
  return report("smp-service-metadata", checks);
}

function sbdhReport(raw: Buffer): PeppolFileReport {
  const sbdh = readSbdh(raw);
  if (!sbdh.ok)
    return report(
      "sbdh",
      sbdh.error.map((p) => ({ name: p.field, outcome: "fail", detail: p.message })),
    );
  const { instanceIdentifier, documentType } = sbdh.value.header;
  const checks: FileCheck[] = [
    { name: "SBDH", outcome: "pass", detail: `${instanceIdentifier}: ${documentType.value}` },
  ];
  for (const w of sbdh.value.warnings) checks.push({ name: w.field, outcome: "info", detail: w.message });
  return report("sbdh", checks);
}

function responseReport(raw: Buffer): PeppolFileReport {
  const response = readPeppolResponse(raw);
  const detail = response.ok
    ? `${response.value.kind} ${response.value.responseCode} (${response.value.status}) for ${response.value.documentReference.id}`
    : response.error;
  return report("status-message", [
    { name: "status message", outcome: response.ok ? "pass" : "fail", detail },
  ]);
}

/**
 * Verifies a Peppol file of any kind this layer reads, told apart by its content: a captured AS4 message (a
 * header block, then a SOAP envelope or multipart/related), a bare SOAP envelope, a signed SMP response or a
 * service group, an SBDH envelope, or a status message (MLS, MLR, Invoice Response).
 */
export function verifyPeppolFile(raw: Buffer, trust: TrustOptions): PeppolFileReport {
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  if (
    !raw
      .toString("latin1", bom, bom + 64)
      .trimStart()
      .startsWith("<")
  ) {
    const message = readAs4Dump(raw);
    if (!message.ok) return report("unknown", [{ name: "message", outcome: "fail", detail: message.error }]);
    return verifyAs4File(message.value, trust);
  }
  const parsed = parseXmlTree(raw);
  if (!parsed.ok) return report("unknown", [{ name: "XML", outcome: "fail", detail: parsed.error.message }]);
  const { root } = parsed.value;
  if (root.ns === SOAP12_NS && root.localName === "Envelope")
    return verifyAs4File({ soap: raw, attachments: new Map() }, trust);
  if (root.ns === SMP_NS) return smpReport(parsed.value, trust);
  if (root.ns === SBDH_NS) return sbdhReport(raw);
  if (root.localName === "ApplicationResponse") return responseReport(raw);
  const detail = `{${root.ns}}${root.localName} is not a Peppol document this command reads`;
  return report("unknown", [{ name: "document", outcome: "fail", detail }]);
}
