/** The access point certificate an SMP publishes for an endpoint, as plain data (printable, storable as JSON). */
export interface EndpointCertificate {
  /** The certificate in PEM. */
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  /** Hexadecimal, as node:crypto prints it. */
  readonly serialNumber: string;
  /** ISO-8601 instants. */
  readonly validFrom: string;
  readonly validTo: string;
}

/** The endpoint to send to. */
export interface ParticipantEndpoint {
  /** The access point's AS4 URL. */
  readonly url: string;
  readonly transportProfile: string;
  readonly certificate: EndpointCertificate;
  readonly technicalContactUrl?: string;
  readonly serviceDescription?: string;
}

/**
 * What discovery found for a participant and a document type. `participant` is the id that answered (for a
 * Belgian enterprise, `0208:…` or `9925:be…`); `tried` lists every id looked up, in order.
 * - `reachable`: the SMP's signed answer names an AS4 endpoint whose certificate chains to the access point CA.
 * - `not-registered`: no id is known to the SML (or to its SMP): do not send over Peppol.
 * - `document-type-not-supported`: registered, but not for this document type (its document types are listed).
 * - `refused`: an answer came but cannot be trusted (bad SMP signature, endpoint certificate expired, revoked or not
 *   from the access point CA, an SMP that is not https): do not send; an operator must look.
 * - `try-later`: the network did not answer (DNS failure or timeout, SMP 5xx or unreachable); nothing is known.
 */
export type ParticipantLookup =
  | {
      readonly kind: "reachable";
      readonly participant: string;
      readonly tried: readonly string[];
      readonly smpUrl: string;
      readonly endpoint: ParticipantEndpoint;
      readonly documentTypes: readonly string[];
    }
  | { readonly kind: "not-registered"; readonly tried: readonly string[] }
  | {
      readonly kind: "document-type-not-supported";
      readonly participant: string;
      readonly tried: readonly string[];
      readonly smpUrl: string;
      readonly documentTypes: readonly string[];
      /** Why: no ServiceMetadata for the document type, or none for the process or the AS4 transport. */
      readonly reason: string;
    }
  | {
      readonly kind: "refused";
      readonly participant: string;
      readonly tried: readonly string[];
      readonly reason: string;
    }
  | { readonly kind: "try-later"; readonly tried: readonly string[]; readonly reason: string };

/** A lookup: who, for which document and process. */
export interface ParticipantQuery {
  /** A normalised participant id `ICD:value` (see parsePeppolId), e.g. `0208:0123456749`. */
  readonly participant: string;
  /** A `busdox-docid-qns` document type value, e.g. BIS_INVOICE_DOCUMENT_TYPE. */
  readonly documentType: string;
  /** The process identifier value, e.g. BIS_BILLING_PROCESS. */
  readonly process: string;
}

/** Finds where a Peppol participant receives a document type: the port use-cases depend on. */
export interface ParticipantDirectory {
  lookup(query: ParticipantQuery): Promise<ParticipantLookup>;
}
