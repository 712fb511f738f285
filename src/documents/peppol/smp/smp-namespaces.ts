/** The Peppol SMP 1.x (busdox) namespaces. */
export const SMP_NS = "http://busdox.org/serviceMetadata/publishing/1.0/";
export const SMP_IDS_NS = "http://busdox.org/transport/identifiers/1.0/";
export const WSA_NS = "http://www.w3.org/2005/08/addressing";
