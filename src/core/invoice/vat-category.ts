/**
 * VAT category codes of EN 16931 (UNCL5305 subset, BT-118/BT-151/BT-95/BT-102):
 * S standard rate, Z zero rated, E exempt, AE reverse charge, K intra-community supply, G export outside the EU,
 * O outside the scope of VAT, L and M the Canary Islands and Ceuta/Melilla taxes.
 */
export const VAT_CATEGORIES = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/** True when `code` is an EN 16931 VAT category code. */
export function isVatCategory(code: string): code is VatCategory {
  return (VAT_CATEGORIES as readonly string[]).includes(code);
}

/** Categories that require an exemption reason text or code on the VAT breakdown (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
export const CATEGORIES_WITH_EXEMPTION_REASON: ReadonlySet<VatCategory> = new Set(["E", "AE", "K", "G", "O"]);
