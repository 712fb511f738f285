/** The UN/CEFACT Standard Business Document Header namespace the Peppol envelope uses. */
export const SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
/** Envelope spec 1.2 wrappers for non-XML payloads: BinaryContent (base64) and TextContent. */
export const PEPPOL_PAYLOAD_WRAPPER_NS = "http://peppol.eu/xsd/ticc/envelope/1.0";
/** The only HeaderVersion the Peppol envelope allows. */
export const SBDH_HEADER_VERSION = "1.0";
