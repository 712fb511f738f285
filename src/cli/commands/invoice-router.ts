import type { Config } from "../../app/config.ts";
import type { ParticipantDirectory } from "../../app/ports/participant-directory.ts";
import { type InvoiceRouter, routeInvoices } from "../../app/route-invoice.ts";
import { sellerFromConfig } from "../../app/seller-from-config.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { channelSeller } from "../../core/peppol/channel-policy.ts";
import { accessPointFromConfig } from "../../peppol/as4/access-point-from-config.ts";
import { directoryFromConfig } from "../../peppol/discovery/directory-from-config.ts";
import { createPeppolParticipantDirectory } from "../../peppol/discovery/peppol-participant-directory.ts";
import { discoveryConfigured } from "./peppol-outbox-deps.ts";

/**
 * The channel router `facteur send` uses: the seller from configuration, Peppol discovery when configured (null
 * otherwise, so that in-scope invoices are held rather than e-mailed), and facteur's own access point `ready` when its
 * seat reads and checks (`accessPointFromConfig`): then an invoice for a buyer found on Peppol is queued for
 * `facteur worker` to send over AS4; otherwise it is held with `peppol-not-configured`.
 */
export async function invoiceRouter(config: Config): Promise<InvoiceRouter> {
  const seller = sellerFromConfig(config);
  if (!seller.ok) throw new AppError("config", "the seller's configuration is invalid", seller.error);
  let directory: ParticipantDirectory | null = null;
  if (discoveryConfigured(config)) {
    const setup = await directoryFromConfig(config);
    if (!setup.ok) throw new AppError("config", `Peppol discovery: ${setup.error.join("; ")}`);
    directory = createPeppolParticipantDirectory(setup.value);
  }
  const ownAccessPoint =
    directory !== null && (await accessPointFromConfig(config)).ok
      ? ("ready" as const)
      : ("not-configured" as const);
  const deps = { seller: channelSeller(seller.value), directory, ownAccessPoint };
  return (invoices) => routeInvoices(deps, invoices);
}
