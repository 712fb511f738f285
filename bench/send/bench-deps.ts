import { hostname } from "node:os";
import type { Kysely } from "kysely";
import { type Config, parseConfig } from "../../src/app/config.ts";
import { deliverySettingsFrom } from "../../src/app/delivery-settings.ts";
import type { DeliveryWorkerDeps } from "../../src/app/process-delivery-jobs.ts";
import { sellerFromConfig } from "../../src/app/seller-from-config.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { requireRelay } from "../../src/cli/commands/delivery-deps.ts";
import { deliveryAdapters } from "../../src/cli/delivery-adapters.ts";
import type { Database } from "../../src/store/database.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";

/** The facteur configuration of the bench, parsed as the CLI parses the environment. */
export function benchConfig(env: Readonly<Record<string, string>>): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(`bench configuration: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

/**
 * The worker's dependencies as `facteur worker` builds them: the CLI's delivery adapters (pooled SMTP transport to
 * FACTEUR_SMTP_URL, VERP + DKIM composer, UBL + PDF renderer), the local archive and the delivery store.
 */
export function benchDeps(config: Config, db: Kysely<Database>): DeliveryWorkerDeps {
  const seller = sellerFromConfig(config);
  if (!seller.ok) throw new Error("the bench's seller is invalid");
  const now = () => new Date();
  const adapters = deliveryAdapters(now);
  return {
    store: createDeliveryStore(db),
    archive: createLocalArchive(config.FACTEUR_ARCHIVE_DIR ?? ""),
    transport: adapters.transport(requireRelay(config), config),
    composer: adapters.composer(config),
    renderer: adapters.renderer(config),
    seller: seller.value,
    settings: deliverySettingsFrom(config),
    now,
    worker: `worker:${hostname()}:${process.pid}`,
  };
}
