import { DOCUMENT_TYPE_SCHEME, type PeppolIdentifier } from "../../core/peppol/peppol-identifiers.ts";

/**
 * An identifier as one URL path segment: `scheme::value`, percent-encoded (SMP 1.4.0, section 3.3: `:` and `#`
 * must be encoded, or the document type's `#` would start a fragment).
 */
export function smpPathSegment(identifier: PeppolIdentifier): string {
  return encodeURIComponent(`${identifier.scheme}::${identifier.value}`);
}

/** The ServiceGroup resource of a participant: `{smp}/{scheme::value}`. */
export function serviceGroupUrl(smpUrl: string, participant: PeppolIdentifier): string {
  return `${smpUrl}/${smpPathSegment(participant)}`;
}

/** The ServiceMetadata resource: `{smp}/{participant}/services/{document type}`. */
export function serviceMetadataUrl(
  smpUrl: string,
  participant: PeppolIdentifier,
  documentType: PeppolIdentifier,
): string {
  return `${serviceGroupUrl(smpUrl, participant)}/services/${smpPathSegment(documentType)}`;
}

/**
 * The document type value a ServiceMetadataReference href points at, or undefined when the href does not end in
 * `/services/busdox-docid-qns::…`. Some SMPs encode the segment twice, so it is decoded until stable.
 */
export function documentTypeOfReference(href: string): string | undefined {
  const at = href.lastIndexOf("/services/");
  if (at < 0) return undefined;
  let segment = href.slice(at + "/services/".length);
  for (let round = 0; round < 3 && segment.includes("%"); round++) {
    try {
      segment = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
  }
  const prefix = `${DOCUMENT_TYPE_SCHEME}::`;
  return segment.toLowerCase().startsWith(prefix) ? segment.slice(prefix.length) : undefined;
}
