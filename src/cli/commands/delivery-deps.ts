import { join } from "node:path";
import type { Config } from "../../app/config.ts";
import type { InvoiceRenderer } from "../../app/ports/invoice-renderer.ts";
import type { MailTransport } from "../../app/ports/mail-transport.ts";
import type { MessageComposer } from "../../app/ports/message-composer.ts";
import { AppError } from "../../core/errors/app-error.ts";
import type { CliDeps } from "../cli-deps.ts";

/** Where the relay is, read from FACTEUR_SMTP_URL: the shape the SMTP transport takes. */
export interface RelaySettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (smtps://). */
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
}

/** The mail and document adapters the delivery commands need, built by the entry point from the configuration. */
export interface DeliveryAdapters {
  transport(relay: RelaySettings, config: Config): MailTransport;
  composer(config: Config): MessageComposer;
  renderer(config: Config): InvoiceRenderer;
}

/** What the delivery commands get: the common CLI dependencies and the adapters. */
export interface DeliveryCliDeps extends CliDeps {
  readonly adapters: DeliveryAdapters;
}

const HOW_TO_SET_RELAY =
  "no mail relay is configured, so nothing can be sent. Set FACTEUR_SMTP_URL to the relay that takes outgoing " +
  "mail, e.g. FACTEUR_SMTP_URL=smtp://relay.example.com:587 (STARTTLS) or smtps://user:password@relay.example.com:465, " +
  "then run `facteur send` again (`facteur config` lists every variable).";

const HOW_TO_SET_MAIL =
  "Set FACTEUR_SMTP_URL to the relay that takes outgoing mail (e.g. FACTEUR_SMTP_URL=smtp://relay.example.com:587), " +
  "with FACTEUR_BOUNCE_DOMAIN and FACTEUR_VERP_SECRET so that bounces are tied back to their invoices " +
  "(`facteur config` lists every variable).";

/**
 * Whether e-mail can go out: a relay is configured. A Peppol-only setup has none, and its commands ask for the mail
 * settings only when an e-mail delivery has to be made ({@link mailNotConfigured}).
 */
export function mailConfigured(config: Config): boolean {
  return config.FACTEUR_SMTP_URL !== undefined;
}

/** The `config` error for e-mail that has to go out without a relay: `what` happened, and the variables to set. */
export function mailNotConfigured(what: string): AppError {
  return new AppError("config", `${what}, and no mail relay is configured. ${HOW_TO_SET_MAIL}`);
}

/** The relay of FACTEUR_SMTP_URL; fails with `config` and how to set it when it is unset or not an SMTP URL. */
export function requireRelay(config: Config): RelaySettings {
  const text = config.FACTEUR_SMTP_URL;
  if (text === undefined) throw new AppError("config", HOW_TO_SET_RELAY);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError("config", `FACTEUR_SMTP_URL is not a URL; ${HOW_TO_SET_RELAY}`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new AppError(
      "config",
      `FACTEUR_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`,
    );
  }
  const secure = url.protocol === "smtps:";
  const port = url.port === "" ? (secure ? 465 : 587) : Number(url.port);
  return {
    host: url.hostname,
    port,
    secure,
    ...(url.username === ""
      ? {}
      : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
  };
}

/** The archive folder: FACTEUR_ARCHIVE_DIR, else `archive` under the data folder. */
export function archiveDirOf(config: Config): string {
  return config.FACTEUR_ARCHIVE_DIR ?? join(config.FACTEUR_DATA_DIR, "archive");
}

/** The domain of Message-IDs: the seller's billing address's, so they are unique to this sender. */
export function messageIdDomain(config: Config): string {
  const at = config.FACTEUR_SELLER_EMAIL.lastIndexOf("@");
  return at < 0 ? "facteur.invalid" : config.FACTEUR_SELLER_EMAIL.slice(at + 1).toLowerCase();
}

/** Who acts, as delivery events name them: `cli:<login>`. */
export function actorName(deps: CliDeps): string {
  return `${deps.actor.kind}:${deps.actor.id}`;
}
