import type { Config } from "../app/config.ts";
import { sellerFromConfig } from "../app/seller-from-config.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";

/** The configured seller, or a configuration error listing every invalid identifier. */
export function requireSeller(config: Config): SellerProfile {
  const seller = sellerFromConfig(config);
  if (!seller.ok)
    throw new AppError("config", "the seller configuration is invalid (see `facteur config`)", seller.error);
  return seller.value;
}
