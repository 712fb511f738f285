/**
 * ISO 4217 currency codes accepted on invoices (EN 16931 BT-5 and BT-6 use ISO 4217; BR-CL-03/05).
 * The list is the active alphabetic codes; facteur refuses anything else at the edge, and the EN 16931 validator's
 * BR-CL-03/04/05 check the same list, so an invoice the edge accepts is never refused for its currency later.
 */
export const ISO_4217: ReadonlySet<string> = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF " +
    "CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
    "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR " +
    "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK " +
    "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
    "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG " +
    "XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL"
  ).split(" "),
);

/** An ISO 4217 alphabetic currency code, e.g. "EUR". */
export type CurrencyCode = string;

/** True when `code` is an active ISO 4217 alphabetic code (upper case). */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return ISO_4217.has(code);
}
