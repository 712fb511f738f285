import type { PeppolIdentifier } from "../../../core/peppol/peppol-identifiers.ts";
import type { SmpEndpoint, SmpProcess, SmpServiceMetadata } from "../../../core/peppol/smp-metadata.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { treeAttribute, treeChild, treeChildren, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { SMP_IDS_NS, SMP_NS, WSA_NS } from "./smp-namespaces.ts";

function text(parent: XmlTreeElement | undefined, ns: string, name: string): string | undefined {
  const element = treeChild(parent, ns, name);
  const value = element ? treeText(element).trim() : "";
  return value === "" ? undefined : value;
}

/** An identifier element (`ids:ParticipantIdentifier scheme="…"`) of the SMP response. */
export function smpIdentifier(
  parent: XmlTreeElement | undefined,
  name: string,
): PeppolIdentifier | undefined {
  const element = treeChild(parent, SMP_IDS_NS, name);
  const value = element ? treeText(element).trim() : "";
  return element && value !== "" ? { scheme: treeAttribute(element, "", "scheme") ?? "", value } : undefined;
}

function readEndpoint(element: XmlTreeElement): Result<SmpEndpoint, string> {
  const transportProfile = treeAttribute(element, "", "transportProfile");
  const address = text(treeChild(element, WSA_NS, "EndpointReference"), WSA_NS, "Address");
  const certificate = text(element, SMP_NS, "Certificate")?.replace(/\s+/g, "");
  if (!transportProfile || !address || !certificate)
    return err("an Endpoint lacks its transportProfile, address or certificate");
  const optional = {
    minimumAuthenticationLevel: text(element, SMP_NS, "MinimumAuthenticationLevel"),
    serviceActivationDate: text(element, SMP_NS, "ServiceActivationDate"),
    serviceExpirationDate: text(element, SMP_NS, "ServiceExpirationDate"),
    serviceDescription: text(element, SMP_NS, "ServiceDescription"),
    technicalContactUrl: text(element, SMP_NS, "TechnicalContactUrl"),
    technicalInformationUrl: text(element, SMP_NS, "TechnicalInformationUrl"),
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  return ok({
    transportProfile,
    address,
    certificate,
    requireBusinessLevelSignature: text(element, SMP_NS, "RequireBusinessLevelSignature") === "true",
    ...present,
  });
}

/**
 * Reads a Peppol SMP ServiceMetadata response (signed or not; the signature is {@link verifySmpSignature}'s
 * business): the participant, the document type and per process its endpoints with transport profile, address,
 * certificate and service activation and expiration dates; or the redirect to another SMP.
 */
export function readSmpServiceMetadata(root: XmlTreeElement): Result<SmpServiceMetadata, string> {
  const metadata =
    root.ns === SMP_NS && root.localName === "SignedServiceMetadata"
      ? treeChild(root, SMP_NS, "ServiceMetadata")
      : root;
  if (!metadata || metadata.ns !== SMP_NS || metadata.localName !== "ServiceMetadata")
    return err(`the root element is ${root.localName}, not an SMP ServiceMetadata`);
  const redirect = treeChild(metadata, SMP_NS, "Redirect");
  if (redirect) {
    const href = treeAttribute(redirect, "", "href");
    const certificateUid = text(redirect, SMP_NS, "CertificateUID");
    if (!href || !certificateUid) return err("the Redirect lacks its href or CertificateUID");
    return ok({ kind: "redirect", href, certificateUid });
  }
  const information = treeChild(metadata, SMP_NS, "ServiceInformation");
  const participant = smpIdentifier(information, "ParticipantIdentifier");
  const documentType = smpIdentifier(information, "DocumentIdentifier");
  if (!participant || !documentType)
    return err("the ServiceInformation lacks its participant or document type");
  const processes: SmpProcess[] = [];
  for (const element of treeChildren(treeChild(information, SMP_NS, "ProcessList"), SMP_NS, "Process")) {
    const process = smpIdentifier(element, "ProcessIdentifier");
    if (!process) return err("a Process has no ProcessIdentifier");
    const endpoints: SmpEndpoint[] = [];
    for (const endpoint of treeChildren(
      treeChild(element, SMP_NS, "ServiceEndpointList"),
      SMP_NS,
      "Endpoint",
    )) {
      const read = readEndpoint(endpoint);
      if (!read.ok) return read;
      endpoints.push(read.value);
    }
    processes.push({ process, endpoints });
  }
  return ok({ kind: "service-information", participant, documentType, processes });
}
