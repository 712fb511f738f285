import fc from "fast-check";
import type { Customer } from "../../../core/customer/customer.ts";
import { enterpriseNumberCheckDigits } from "../../../core/identifiers/enterprise-number.ts";
import type { SellerProfile } from "../../../core/invoice/seller-profile.ts";

/** Letters, digits, accents, XML's special characters and a character outside the BMP, so escaping is exercised. */
const TEXT_UNITS = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./,()éèçàüöäßøÅ&<>\"'€😀",
];

/** A non-empty text of XML-safe characters without surrounding spaces (the reader trims element text). */
export function arbitraryText(maxLength = 40): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A valid Belgian enterprise number (10 digits, first digit 0 or 1, mod-97 check digits). */
export function arbitraryEnterpriseNumber(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom("0", "1"), fc.integer({ min: 2_000_000, max: 9_999_999 }))
    .map(([first, rest]) => {
      const eight = `${first}${String(rest).padStart(7, "0")}`;
      return `${eight}${enterpriseNumberCheckDigits(eight)}`;
    });
}

/** Valid Belgian IBANs and BICs (check digits verified by the tests through parseIban). */
export const BELGIAN_ACCOUNTS = [
  { iban: "BE68539007547034", bic: "BBRUBEBB" },
  { iban: "BE62510007547061", bic: "GEBABEBB" },
  { iban: "BE71096123456769", bic: "GKCCBEBB" },
] as const;

function belgianAddress() {
  return fc.record({
    street: fc.option(arbitraryText(30), { nil: undefined }),
    city: arbitraryText(20),
    postalCode: fc.integer({ min: 1000, max: 9999 }).map(String),
    country: fc.constant("BE"),
  });
}

/** The issuing company: Belgian, Peppol id 0208 or 9925; without a VAT number only when `withVat` is false. */
export function arbitrarySeller(withVat: boolean): fc.Arbitrary<SellerProfile> {
  return fc
    .record({
      kbo: arbitraryEnterpriseNumber(),
      name: arbitraryText(),
      tradingName: fc.option(arbitraryText(), { nil: undefined }),
      legalForm: fc.option(fc.constantFrom("SRL", "SA", "BV", "NV", "SComm"), { nil: undefined }),
      address: belgianAddress(),
      contact: fc.option(fc.record({ name: arbitraryText(20), email: fc.constant("billing@example.be") }), {
        nil: undefined,
      }),
      account: fc.constantFrom(...BELGIAN_ACCOUNTS),
      withBic: fc.boolean(),
      scheme: fc.constantFrom("0208", "9925"),
    })
    .map((s) => ({
      name: s.name,
      ...(s.tradingName ? { tradingName: s.tradingName } : {}),
      enterpriseNumber: s.kbo,
      ...(withVat ? { vatNumber: `BE${s.kbo}` } : {}),
      peppolId: s.scheme === "0208" || !withVat ? `0208:${s.kbo}` : `9925:BE${s.kbo}`,
      ...(s.legalForm ? { legalForm: s.legalForm } : {}),
      address: s.address.street
        ? s.address
        : { city: s.address.city, postalCode: s.address.postalCode, country: "BE" },
      ...(s.contact ? { contact: s.contact } : {}),
      iban: s.account.iban,
      ...(s.withBic ? { bic: s.account.bic } : {}),
    }));
}

/** Where the buyer is, which decides its identifiers: Belgian (0208 or 9925 endpoint), other EU with VAT, or non-EU. */
export type BuyerKind = "be" | "be-no-vat" | "eu" | "non-eu";

/** EU buyers: VAT number and the Peppol participant id under their country's VAT scheme (9944 NL, 9957 FR, 9930 DE). */
const EU_BUYERS: Readonly<Record<string, { vat: string; peppolId: string }>> = {
  NL: { vat: "NL123456789B01", peppolId: "9944:NL123456789B01" },
  FR: { vat: "FR40303265045", peppolId: "9957:FR40303265045" },
  DE: { vat: "DE136695976", peppolId: "9930:DE136695976" },
};

/**
 * A customer of the given kind; Belgian ones get every endpoint route of buildInvoiceDocument (0208, 9925), foreign
 * ones a Peppol id, since the builder's e-mail fallback (scheme EM) is not a Peppol electronic address scheme.
 */
export function arbitraryBuyer(kind: BuyerKind): fc.Arbitrary<Customer> {
  const base = { language: "fr", preferredChannel: "peppol", paymentTermsDays: 30 } as const;
  const address = (country: string) =>
    fc.record({
      street: fc.option(arbitraryText(30), { nil: null }),
      additionalStreet: fc.constant(null),
      city: fc.option(arbitraryText(20), { nil: null }),
      postalCode: fc.option(fc.integer({ min: 1000, max: 9999 }).map(String), { nil: null }),
      countrySubdivision: fc.constant(null),
      country: fc.constant(country),
    });
  if (kind === "be" || kind === "be-no-vat") {
    return fc
      .record({
        kbo: arbitraryEnterpriseNumber(),
        legalName: arbitraryText(),
        route: fc.constantFrom("peppol-0208", "peppol-9925", "kbo", "vat"),
        address: address("BE"),
      })
      .map((b) => {
        const vat = kind === "be" ? `BE${b.kbo}` : null;
        const route =
          kind === "be-no-vat" && (b.route === "vat" || b.route === "peppol-9925") ? "kbo" : b.route;
        return {
          ...base,
          number: `C-${b.kbo}`,
          legalName: b.legalName,
          enterpriseNumber: route === "vat" ? null : b.kbo,
          vatNumber: vat,
          peppolId:
            route === "peppol-0208" ? `0208:${b.kbo}` : route === "peppol-9925" ? `9925:${vat}` : null,
          address: b.address,
        };
      });
  }
  const countries = kind === "eu" ? ["NL", "FR", "DE"] : ["US", "CH"];
  return fc
    .record({ legalName: arbitraryText(), country: fc.constantFrom(...countries) })
    .chain((b) => address(b.country).map((a) => ({ ...b, address: a })))
    .map((b) => ({
      ...base,
      number: `C-${b.country}`,
      legalName: b.legalName,
      enterpriseNumber: null,
      vatNumber: kind === "eu" ? (EU_BUYERS[b.country]?.vat ?? null) : null,
      // Outside the EU: a DUNS number (0060). Not the e-mail scheme EM, which Peppol's EAS list lacks.
      peppolId: kind === "eu" ? (EU_BUYERS[b.country]?.peppolId ?? null) : "0060:123456789",
      address: b.address,
    }));
}
