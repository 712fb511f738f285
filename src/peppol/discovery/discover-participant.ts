import type { X509Certificate } from "node:crypto";
import type { ParticipantEndpoint, ParticipantQuery } from "../../app/ports/participant-directory.ts";
import { PEPPOL_PARTICIPANT_SCHEME } from "../../core/identifiers/peppol-id.ts";
import { DOCUMENT_TYPE_SCHEME, type PeppolIdentifier } from "../../core/peppol/peppol-identifiers.ts";
import { selectSmpEndpoint } from "../../core/peppol/select-smp-endpoint.ts";
import { checkEndpointCertificate, type EndpointTrust } from "./check-endpoint-certificate.ts";
import { fetchSignedMetadata } from "./fetch-signed-metadata.ts";
import type { SmpHttpOptions } from "./fetch-smp-resource.ts";
import { listDocumentTypes } from "./list-document-types.ts";
import { locateSmp, type NaptrResolver } from "./locate-smp.ts";
import { serviceMetadataUrl } from "./smp-resource-urls.ts";

/** Everything one lookup needs; built once from the configuration. */
export interface DiscoveryDeps {
  readonly resolver: NaptrResolver;
  /** The SML zone, e.g. PRODUCTION_SML_ZONE. */
  readonly zone: string;
  readonly http: SmpHttpOptions;
  /** The Peppol SMP CA certificate(s): SMP answers must be signed under one of them. */
  readonly smpCas: readonly X509Certificate[];
  readonly endpointTrust: EndpointTrust;
}

/** The outcome for one participant id (the directory adds which ids were tried). */
export type CandidateOutcome =
  | {
      readonly kind: "reachable";
      readonly smpUrl: string;
      readonly endpoint: ParticipantEndpoint;
      readonly documentTypes: readonly string[];
    }
  | { readonly kind: "not-registered" }
  | {
      readonly kind: "document-type-not-supported";
      readonly smpUrl: string;
      readonly documentTypes: readonly string[];
      readonly reason: string;
    }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "try-later"; readonly reason: string };

const MISS_REASONS = {
  "no-process": "the SMP lists the document type, but not for this process",
  "no-transport": "the SMP lists no peppol-transport-as4-v2_0 endpoint for it",
} as const;

async function notSupported(
  deps: DiscoveryDeps,
  smpUrl: string,
  participant: PeppolIdentifier,
  reason: string,
): Promise<CandidateOutcome> {
  const list = await listDocumentTypes(smpUrl, participant, deps.http);
  if (list.kind === "not-found") return { kind: "not-registered" };
  if (list.kind !== "ok") return list;
  return { kind: "document-type-not-supported", smpUrl, documentTypes: list.documentTypes, reason };
}

/**
 * Looks one participant id up as the Peppol network does: U-NAPTR in the SML zone, the signed ServiceMetadata of
 * the document type from the SMP, the AS4 endpoint for the process active at `at`, its certificate judged against
 * the access point CA (and CRL), and the participant's document types from its ServiceGroup.
 */
export async function discoverParticipant(
  deps: DiscoveryDeps,
  query: ParticipantQuery,
  at: Date,
): Promise<CandidateOutcome> {
  const participant = { scheme: PEPPOL_PARTICIPANT_SCHEME, value: query.participant };
  const location = await locateSmp(deps.resolver, participant, deps.zone);
  if (location.kind === "not-registered") return { kind: "not-registered" };
  if (location.kind !== "found") return { kind: location.kind, reason: location.reason };
  const { smpUrl } = location;
  const documentType = { scheme: DOCUMENT_TYPE_SCHEME, value: query.documentType };
  const url = serviceMetadataUrl(smpUrl, participant, documentType);
  const answer = await fetchSignedMetadata(url, deps.http, deps.smpCas, at);
  if (answer.kind === "not-found")
    return notSupported(deps, smpUrl, participant, "the SMP has no ServiceMetadata for the document type");
  if (answer.kind !== "ok") return answer;
  const { metadata } = answer;
  // A validly signed answer about someone or something else (a replayed response) must not route this invoice.
  if (
    metadata.participant.value.toLowerCase() !== query.participant.toLowerCase() ||
    metadata.documentType.value !== query.documentType
  )
    return { kind: "refused", reason: `${url} answered for another participant or document type` };
  const picked = selectSmpEndpoint(metadata, { process: query.process, at });
  if (!picked.ok) {
    if (picked.error === "no-process" || picked.error === "no-transport")
      return notSupported(deps, smpUrl, participant, MISS_REASONS[picked.error]);
    if (picked.error === "not-yet-active")
      return { kind: "try-later", reason: "the participant's AS4 endpoint is not active yet" };
    return { kind: "refused", reason: `the participant's AS4 endpoint is ${picked.error}` };
  }
  const endpoint = picked.value;
  if (!endpoint.address.startsWith("https://"))
    return { kind: "refused", reason: `the endpoint address ${endpoint.address} is not https` };
  const certificate = await checkEndpointCertificate(endpoint.certificate, deps.endpointTrust, at);
  if (!certificate.ok) return { kind: "refused", reason: certificate.error };
  const list = await listDocumentTypes(smpUrl, participant, deps.http);
  return {
    kind: "reachable",
    smpUrl,
    endpoint: {
      url: endpoint.address,
      transportProfile: endpoint.transportProfile,
      certificate: certificate.value,
      ...(endpoint.technicalContactUrl ? { technicalContactUrl: endpoint.technicalContactUrl } : {}),
      ...(endpoint.serviceDescription ? { serviceDescription: endpoint.serviceDescription } : {}),
    },
    // The ServiceGroup only informs; when it cannot be read, the one document type proven by signature stands.
    documentTypes: list.kind === "ok" ? list.documentTypes : [query.documentType],
  };
}
