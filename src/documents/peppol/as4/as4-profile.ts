/** Values the Peppol AS4 profile 2.0 fixes for every user message. */
export const PEPPOL_AP_PARTY_TYPE = "urn:fdc:peppol.eu:2017:identifiers:ap";
export const PEPPOL_AGREEMENT = "urn:fdc:peppol.eu:2017:agreements:tia:ap_provider";
export const INITIATOR_ROLE = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/initiator";
export const RESPONDER_ROLE = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder";
/** The type of the originalSender and finalRecipient message properties (participant identifier scheme). */
export const PARTICIPANT_PROPERTY_TYPE = "iso6523-actorid-upis";
/** The ebbp signals namespace of a receipt's NonRepudiationInformation. */
export const EBBP_NS = "http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0";
export const GZIP_MIME_TYPE = "application/gzip";
