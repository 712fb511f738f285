import { WSSE_NS, WSU_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { SOAP12_NS } from "./as4-namespaces.ts";

/** The parts of an AS4 SOAP envelope: the wsse:Security content, the eb:Messaging header, the Body's wsu:Id. */
export interface SoapEnvelopeSpec {
  readonly security: string;
  readonly messaging: string;
  readonly bodyId: string;
}

/**
 * Writes an AS4 SOAP 1.2 envelope with an empty Body (the payloads travel as attachments): wsse:Security first,
 * then eb:Messaging, both mustUnderstand. Each element declares what it uses, so that exclusive canonicalisation of
 * a signed part never depends on where it sits.
 */
export function writeSoapEnvelope(spec: SoapEnvelopeSpec): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<S12:Envelope xmlns:S12="${SOAP12_NS}"><S12:Header>`,
    `<wsse:Security xmlns:wsse="${WSSE_NS}" xmlns:wsu="${WSU_NS}" S12:mustUnderstand="true">${spec.security}</wsse:Security>`,
    spec.messaging,
    `</S12:Header><S12:Body xmlns:wsu="${WSU_NS}" wsu:Id="${spec.bodyId}"/></S12:Envelope>`,
  ].join("");
}
