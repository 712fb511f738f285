import { join } from "node:path";
import type { Config } from "../../app/config.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { type CaptureRelay, startCaptureRelay } from "../../mail/capture/start-capture-relay.ts";
import type { RelaySettings } from "./delivery-deps.ts";

/** The folder under the data folder where the demo relay keeps its messages. */
export function demoOutboxOf(config: Config): string {
  return join(config.FACTEUR_DATA_DIR, "demo-outbox");
}

/**
 * Refuses demo mode when a real relay is configured: demo deliveries count as sent (a later `send --unsent` skips
 * them), so on a database that sends real mail they would keep real invoices from their customers.
 */
export function refuseDemoWithRelay(config: Config): void {
  if (config.FACTEUR_SMTP_URL !== undefined) {
    throw new AppError(
      "config",
      "--demo is for trying facteur without a relay, but FACTEUR_SMTP_URL is set: demo deliveries would count as " +
        "sent and keep these invoices from their customers. Unset FACTEUR_SMTP_URL (or use another FACTEUR_DATA_DIR) " +
        "to try the demo, or drop --demo to send for real.",
    );
  }
}

/**
 * The configuration demo mode composes with: the user's, with a bounce domain under `.invalid` (RFC 6761: it can
 * never receive mail) and a fixed VERP secret when none is set, since demo messages never reach anyone who could
 * bounce them.
 */
export function demoConfig(config: Config): Config {
  return {
    ...config,
    FACTEUR_BOUNCE_DOMAIN: config.FACTEUR_BOUNCE_DOMAIN ?? "bounces.demo.invalid",
    FACTEUR_VERP_SECRET: config.FACTEUR_VERP_SECRET ?? "facteur demo mode: not a secret",
  };
}

/** The demo relay, started for one command, and the relay settings the SMTP transport needs to reach it. */
export async function startDemoRelay(
  config: Config,
): Promise<{ capture: CaptureRelay; relay: RelaySettings }> {
  const capture = await startCaptureRelay(demoOutboxOf(config));
  return { capture, relay: { host: capture.host, port: capture.port, secure: false } };
}

/** The sentence every demo command ends with. */
export function demoSummary(capture: CaptureRelay): string {
  return (
    `demo: ${capture.captured()} message(s) captured locally in ${capture.dir}, not delivered: nothing left this ` +
    "machine. `facteur deliveries` and `facteur proof` mark them as demo."
  );
}
