import type { InputIssue } from "../core/errors/app-error.ts";
import { parseBic } from "../core/identifiers/bic.ts";
import { parseEnterpriseNumber } from "../core/identifiers/enterprise-number.ts";
import { parseIban } from "../core/identifiers/iban.ts";
import { parsePeppolId } from "../core/identifiers/peppol-id.ts";
import { parseVatNumber } from "../core/identifiers/vat-number.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { err, ok, type Result } from "../core/result.ts";
import type { Config } from "./config.ts";

/**
 * The seller (BG-4) from configuration, with every identifier validated and normalised: a wrong IBAN or VAT number
 * in the configuration would otherwise be printed on every invoice.
 */
export function sellerFromConfig(config: Config): Result<SellerProfile, InputIssue[]> {
  const issues: InputIssue[] = [];
  const check = (field: string, parsed: Result<string, { message: string }>): string => {
    if (parsed.ok) return parsed.value;
    issues.push({ source: "env", field, message: parsed.error.message });
    return "";
  };
  const enterpriseNumber = check(
    "FACTEUR_SELLER_ENTERPRISE_NUMBER",
    parseEnterpriseNumber(config.FACTEUR_SELLER_ENTERPRISE_NUMBER),
  );
  const vatNumber = check("FACTEUR_SELLER_VAT", parseVatNumber(config.FACTEUR_SELLER_VAT));
  const peppolId = check("FACTEUR_SELLER_PEPPOL_ID", parsePeppolId(config.FACTEUR_SELLER_PEPPOL_ID));
  const iban = check("FACTEUR_SELLER_IBAN", parseIban(config.FACTEUR_SELLER_IBAN));
  const bic = config.FACTEUR_SELLER_BIC
    ? check("FACTEUR_SELLER_BIC", parseBic(config.FACTEUR_SELLER_BIC))
    : undefined;
  if (issues.length) return err(issues);
  return ok({
    name: config.FACTEUR_SELLER_NAME,
    enterpriseNumber,
    vatNumber,
    peppolId,
    address: {
      street: config.FACTEUR_SELLER_STREET,
      city: config.FACTEUR_SELLER_CITY,
      postalCode: config.FACTEUR_SELLER_POSTAL_CODE,
      country: config.FACTEUR_SELLER_COUNTRY,
    },
    contact: { name: config.FACTEUR_SELLER_NAME, email: config.FACTEUR_SELLER_EMAIL },
    iban,
    ...(bic ? { bic } : {}),
  });
}
