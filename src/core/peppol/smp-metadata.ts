import type { PeppolIdentifier } from "./peppol-identifiers.ts";

/** The Peppol AS4 transport profile of the 2026 network. */
export const PEPPOL_AS4_TRANSPORT = "peppol-transport-as4-v2_0";

/** One endpoint of an SMP ServiceMetadata response. */
export interface SmpEndpoint {
  readonly transportProfile: string;
  readonly address: string;
  /** The access point's certificate as published: base64 DER. */
  readonly certificate: string;
  readonly requireBusinessLevelSignature: boolean;
  readonly minimumAuthenticationLevel?: string;
  /** xs:dateTime as published; the endpoint is not to be used before it. */
  readonly serviceActivationDate?: string;
  /** xs:dateTime as published; the endpoint is not to be used after it. */
  readonly serviceExpirationDate?: string;
  readonly serviceDescription?: string;
  readonly technicalContactUrl?: string;
  readonly technicalInformationUrl?: string;
}

/** One process of a ServiceInformation, with its endpoints. */
export interface SmpProcess {
  readonly process: PeppolIdentifier;
  readonly endpoints: readonly SmpEndpoint[];
}

/** What an SMP says about one participant and one document type: where to send it, or another SMP to ask. */
export type SmpServiceMetadata =
  | {
      readonly kind: "service-information";
      readonly participant: PeppolIdentifier;
      readonly documentType: PeppolIdentifier;
      readonly processes: readonly SmpProcess[];
    }
  | { readonly kind: "redirect"; readonly href: string; readonly certificateUid: string };

/** What an SMP says about a participant: the URLs of its ServiceMetadata, one per document type. */
export interface SmpServiceGroup {
  readonly participant: PeppolIdentifier;
  readonly references: readonly string[];
}
