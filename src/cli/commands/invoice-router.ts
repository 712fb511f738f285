import type { Config } from "../../app/config.ts";
import type { ParticipantDirectory } from "../../app/ports/participant-directory.ts";
import { type InvoiceToRoute, type RoutedInvoice, routeInvoice } from "../../app/route-invoice.ts";
import { sellerFromConfig } from "../../app/seller-from-config.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { channelSeller } from "../../core/peppol/channel-policy.ts";
import { directoryFromConfig } from "../../peppol/discovery/directory-from-config.ts";
import { createPeppolParticipantDirectory } from "../../peppol/discovery/peppol-participant-directory.ts";

/** Discovery is configured once the trust anchors it checks answers against are given. */
function discoveryConfigured(config: Config): boolean {
  return config.FACTEUR_PEPPOL_SMP_CA_FILE !== undefined || config.FACTEUR_PEPPOL_AP_CA_FILE !== undefined;
}

/**
 * The channel router `facteur send` uses: the seller from configuration, Peppol discovery when configured (null
 * otherwise, so that in-scope invoices are held rather than e-mailed). facteur's own AS4 sending is not wired yet
 * (issue 6), so an invoice that must go over Peppol is held with `peppol-not-configured` even when the buyer is found.
 */
export async function invoiceRouter(
  config: Config,
): Promise<(invoice: InvoiceToRoute) => Promise<RoutedInvoice>> {
  const seller = sellerFromConfig(config);
  if (!seller.ok) throw new AppError("config", "the seller's configuration is invalid", seller.error);
  let directory: ParticipantDirectory | null = null;
  if (discoveryConfigured(config)) {
    const setup = await directoryFromConfig(config);
    if (!setup.ok) throw new AppError("config", `Peppol discovery: ${setup.error.join("; ")}`);
    directory = createPeppolParticipantDirectory(setup.value);
  }
  const deps = { seller: channelSeller(seller.value), directory, ownAccessPoint: "not-configured" as const };
  return (invoice) => routeInvoice(deps, invoice);
}
