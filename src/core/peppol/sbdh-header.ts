import type { PeppolIdentifier } from "./peppol-identifiers.ts";

/** Whether the receiving access point sends a Message Level Status always or only on failure (MLS 1.0, ch. 4). */
export const MLS_TYPES = ["ALWAYS_SEND", "FAILURE_ONLY"] as const;
export type MlsType = (typeof MLS_TYPES)[number];

/** A scope of the SBDH BusinessScope that Peppol does not define itself (an "additional attribute"). */
export interface SbdhAdditionalAttribute {
  readonly name: string;
  /** Empty when the scope has no InstanceIdentifier text. */
  readonly value: string;
}

/** What the Peppol Business Message Envelope (SBDH 2.0) states about a business message. */
export interface SbdhHeader {
  /** C1, with scheme `iso6523-actorid-upis`. */
  readonly sender: PeppolIdentifier;
  /** C4, with scheme `iso6523-actorid-upis`. */
  readonly receiver: PeppolIdentifier;
  readonly documentType: PeppolIdentifier;
  readonly process: PeppolIdentifier;
  /** Country of C1 (COUNTRY_C1 scope), mandatory since envelope spec 2.0, in force since 1 January 2024. */
  readonly countryC1: string;
  /** DocumentIdentification/Standard: the payload's root namespace. */
  readonly standard: string;
  readonly typeVersion: string;
  /** DocumentIdentification/Type: the payload's root element name. */
  readonly type: string;
  /** DocumentIdentification/InstanceIdentifier: the message id MLS and duplicate detection refer to. */
  readonly instanceIdentifier: string;
  /** DocumentIdentification/CreationDateAndTime as written (xs:dateTime). */
  readonly creationDateTime: string;
  /** Where the Message Level Status goes, when not to the sending access point's default (MLS_TO scope). */
  readonly mlsTo?: PeppolIdentifier;
  readonly mlsType?: MlsType;
  readonly additionalAttributes: readonly SbdhAdditionalAttribute[];
}
