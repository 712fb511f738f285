import { PEPPOL_SCHEMES } from "./peppol-schemes.ts";

/** ISO 6523 scheme names use the country's ISO code, VAT numbers Greece's EL prefix. */
const COUNTRY_OF_PREFIX: Readonly<Record<string, string>> = { EL: "GR", XI: "GB" };

/**
 * The active Peppol electronic address scheme (EAS) for a VAT number, e.g. 9925 for BE, 9930 for DE, 0211 for IT, or
 * undefined where the code list has none (Sweden, Denmark, Finland use organisation numbers instead).
 */
export function vatEndpointScheme(vatNumber: string): string | undefined {
  const prefix = vatNumber.slice(0, 2).toUpperCase();
  const country = COUNTRY_OF_PREFIX[prefix] ?? prefix;
  for (const scheme of PEPPOL_SCHEMES.values()) {
    if (
      scheme.state === "active" &&
      (scheme.schemeId === `${country}:VAT` || scheme.schemeId === `${country}:IVA`)
    ) {
      return scheme.icd;
    }
  }
  return undefined;
}
