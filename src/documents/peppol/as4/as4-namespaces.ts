/** SOAP 1.2 envelope namespace (AS4 uses SOAP 1.2). */
export const SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
/** ebMS 3.0 core namespace: eb:Messaging, UserMessage, SignalMessage. */
export const EBMS_NS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
/** XML Encryption namespace. */
export const XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
