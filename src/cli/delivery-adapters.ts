import { readFileSync } from "node:fs";
import type { Config } from "../app/config.ts";
import { AppError } from "../core/errors/app-error.ts";
import { createInvoiceRenderer } from "../documents/invoice-renderer.ts";
import { createMessageComposer } from "../mail/compose/create-message-composer.ts";
import { createDkimSigner, type DkimSigner } from "../mail/dkim/dkim-signer.ts";
import { createSmtpTransport } from "../mail/smtp/smtp-transport.ts";
import type { DeliveryAdapters } from "./commands/delivery-deps.ts";

/** The DKIM signer of FACTEUR_DKIM_*, or null when DKIM is not configured (all three unset). */
function dkimSigner(config: Config, now: () => Date): DkimSigner | null {
  const {
    FACTEUR_DKIM_DOMAIN: domain,
    FACTEUR_DKIM_SELECTOR: selector,
    FACTEUR_DKIM_KEY_FILE: file,
  } = config;
  if (!domain && !selector && !file) return null;
  if (!domain || !selector || !file) {
    throw new AppError(
      "config",
      "DKIM needs FACTEUR_DKIM_DOMAIN, FACTEUR_DKIM_SELECTOR and FACTEUR_DKIM_KEY_FILE together",
    );
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = readFileSync(file, "utf8");
  } catch {
    throw new AppError("config", `FACTEUR_DKIM_KEY_FILE ${file} cannot be read`);
  }
  const signer = createDkimSigner([{ domain, selector, privateKeyPem }], { now });
  if (!signer.ok) throw new AppError("config", `DKIM: ${signer.error.join("; ")}`);
  return signer.value;
}

/**
 * The real mail and document adapters for the delivery commands: the pooled SMTP transport, the composer with VERP
 * return paths and DKIM, the UBL and PDF renderer. VERP is required: without it a bounce could not be matched.
 */
export function deliveryAdapters(now: () => Date): DeliveryAdapters {
  return {
    transport: (relay, config) =>
      createSmtpTransport({
        host: relay.host,
        port: relay.port,
        secure: relay.secure,
        // One pooled connection per submission lane, so that the lanes never wait for each other's connection.
        maxConnections: Math.max(5, config.FACTEUR_WORKER_LANES),
        ...(relay.auth ? { auth: relay.auth } : {}),
      }),
    composer: (config) => {
      if (!config.FACTEUR_VERP_SECRET || !config.FACTEUR_BOUNCE_DOMAIN) {
        throw new AppError(
          "config",
          "set FACTEUR_BOUNCE_DOMAIN and FACTEUR_VERP_SECRET so that bounces can be tied back to their invoices",
        );
      }
      return createMessageComposer({
        from: { name: config.FACTEUR_SELLER_NAME, address: config.FACTEUR_SELLER_EMAIL },
        verp: { secret: config.FACTEUR_VERP_SECRET, bounceDomain: config.FACTEUR_BOUNCE_DOMAIN },
        signer: dkimSigner(config, now),
        now,
      });
    },
    renderer: () => createInvoiceRenderer(),
  };
}
