import { PEPPOL_AS4_TRANSPORT } from "../../../src/core/peppol/smp-metadata.ts";

/** One document type a test participant accepts, and where. */
export interface TestSmpService {
  readonly documentType: string;
  readonly process: string;
  /** The access point's AS4 URL. */
  readonly endpointUrl: string;
  /** The access point's certificate (PEM) as the SMP publishes it. */
  readonly endpointCertificatePem: string;
  /** Default peppol-transport-as4-v2_0. */
  readonly transportProfile?: string;
  readonly serviceExpirationDate?: string;
}

const SMP = "http://busdox.org/serviceMetadata/publishing/1.0/";
const IDS = "http://busdox.org/transport/identifiers/1.0/";
const WSA = "http://www.w3.org/2005/08/addressing";

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function base64Der(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
}

/** A ServiceGroup listing one ServiceMetadataReference per href. */
export function serviceGroupXml(participant: string, hrefs: readonly string[]): string {
  const references = hrefs.map((href) => `<ServiceMetadataReference href="${xmlEscape(href)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<ServiceGroup xmlns="${SMP}" xmlns:ids="${IDS}">
<ids:ParticipantIdentifier scheme="iso6523-actorid-upis">${xmlEscape(participant)}</ids:ParticipantIdentifier>
<ServiceMetadataReferenceCollection>${references}</ServiceMetadataReferenceCollection>
</ServiceGroup>`;
}

/** An unsigned SignedServiceMetadata with one process and one endpoint, ready for the enveloped signature. */
export function signedServiceMetadataXml(participant: string, service: TestSmpService): string {
  const expiration = service.serviceExpirationDate
    ? `<ServiceExpirationDate>${service.serviceExpirationDate}</ServiceExpirationDate>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="${SMP}" xmlns:ids="${IDS}" xmlns:wsa="${WSA}">
<ServiceMetadata>
<ServiceInformation>
<ids:ParticipantIdentifier scheme="iso6523-actorid-upis">${xmlEscape(participant)}</ids:ParticipantIdentifier>
<ids:DocumentIdentifier scheme="busdox-docid-qns">${xmlEscape(service.documentType)}</ids:DocumentIdentifier>
<ProcessList>
<Process>
<ids:ProcessIdentifier scheme="cenbii-procid-ubl">${xmlEscape(service.process)}</ids:ProcessIdentifier>
<ServiceEndpointList>
<Endpoint transportProfile="${xmlEscape(service.transportProfile ?? PEPPOL_AS4_TRANSPORT)}">
<wsa:EndpointReference><wsa:Address>${xmlEscape(service.endpointUrl)}</wsa:Address></wsa:EndpointReference>
<RequireBusinessLevelSignature>false</RequireBusinessLevelSignature>
${expiration}<Certificate>${base64Der(service.endpointCertificatePem)}</Certificate>
<ServiceDescription>facteur test access point</ServiceDescription>
<TechnicalContactUrl>https://support.facteur.test</TechnicalContactUrl>
</Endpoint>
</ServiceEndpointList>
</Process>
</ProcessList>
</ServiceInformation>
</ServiceMetadata>
</SignedServiceMetadata>`;
}

/** An unsigned SignedServiceMetadata that sends the client to another SMP, whose answer `certificateUid` signs. */
export function redirectXml(href: string, certificateUid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="${SMP}">
<ServiceMetadata>
<Redirect href="${xmlEscape(href)}"><CertificateUID>${xmlEscape(certificateUid)}</CertificateUID></Redirect>
</ServiceMetadata>
</SignedServiceMetadata>`;
}
