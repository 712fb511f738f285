import { parseConfig } from "../../src/app/config.ts";
import { sellerFromConfig } from "../../src/app/seller-from-config.ts";
import type { SellerProfile } from "../../src/core/invoice/seller-profile.ts";

/** The seller of the default configuration (a valid Belgian company), for tests. */
export function defaultSeller(): SellerProfile {
  const config = parseConfig({});
  if (!config.ok) throw new Error("the default configuration does not parse");
  const seller = sellerFromConfig(config.value);
  if (!seller.ok) throw new Error(`the default seller is invalid: ${JSON.stringify(seller.error)}`);
  return seller.value;
}
