import { bounceSettingsFrom, verpSecretsFrom } from "../../app/bounce-settings.ts";
import type { Config } from "../../app/config.ts";
import type { HandleBounceDeps } from "../../app/handle-bounce.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { parseDuration } from "../../core/delivery/duration.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { createBounceReader } from "../../mail/intake/create-bounce-reader.ts";
import { createBounceStore } from "../../store/bounces/create-bounce-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import type { CliContext } from "../context.ts";
import { archiveDirOf, messageIdDomain } from "./delivery-deps.ts";

/** What handling bounces needs, over an open context: the store, the archive, the reader with the VERP secrets. */
export function handleBounceDeps(deps: CliDeps, ctx: CliContext, actor: string): HandleBounceDeps {
  return {
    store: createBounceStore(ctx.database.db),
    archive: createLocalArchive(archiveDirOf(deps.config)),
    reader: createBounceReader(verpSecretsFrom(deps.config)),
    settings: bounceSettingsFrom(deps.config),
    now: deps.now,
    newId: deps.newId,
    newMessageId: () => `${deps.newId()}@${messageIdDomain(deps.config)}`,
    actor,
  };
}

/** The bounce mailbox of FACTEUR_BOUNCE_IMAP_URL. */
export interface ImapSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string };
}

const HOW_TO_SET_IMAP =
  "Set FACTEUR_BOUNCE_IMAP_URL to the bounce mailbox, e.g. imaps://bounces%40example.com:password@imap.example.com:993 " +
  "(or imap://...:143, STARTTLS when offered).";

/** The IMAP server and login of FACTEUR_BOUNCE_IMAP_URL; fails with `config`, saying how to set it. */
export function requireImap(config: Config): ImapSettings {
  const text = config.FACTEUR_BOUNCE_IMAP_URL;
  if (text === undefined) throw new AppError("config", `no bounce mailbox is configured. ${HOW_TO_SET_IMAP}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError("config", `FACTEUR_BOUNCE_IMAP_URL is not a URL. ${HOW_TO_SET_IMAP}`);
  }
  if (url.protocol !== "imap:" && url.protocol !== "imaps:") {
    throw new AppError(
      "config",
      `FACTEUR_BOUNCE_IMAP_URL must start with imap:// or imaps://. ${HOW_TO_SET_IMAP}`,
    );
  }
  if (url.username === "")
    throw new AppError("config", `FACTEUR_BOUNCE_IMAP_URL has no user. ${HOW_TO_SET_IMAP}`);
  const secure = url.protocol === "imaps:";
  return {
    host: url.hostname,
    port: url.port === "" ? (secure ? 993 : 143) : Number(url.port),
    secure,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
  };
}

/** Host and port of FACTEUR_BOUNCE_SMTP_LISTEN. */
export function smtpListen(config: Config): { readonly host: string; readonly port: number } {
  const at = config.FACTEUR_BOUNCE_SMTP_LISTEN.lastIndexOf(":");
  return {
    host: config.FACTEUR_BOUNCE_SMTP_LISTEN.slice(0, at),
    port: Number(config.FACTEUR_BOUNCE_SMTP_LISTEN.slice(at + 1)),
  };
}

/** An AbortSignal that SIGTERM or SIGINT fires, and how to stop listening for them. */
export function stopSignal(onStop: (signal: string) => void): {
  readonly signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    onStop(signal);
    controller.abort();
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGTERM", handler);
      process.off("SIGINT", handler);
    },
  };
}

/** A duration flag (`30s`, `5m`) in milliseconds; fails with `invalid-input` naming the flag. */
export function parseDurationFlag(text: string, flag: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new AppError("invalid-input", `${flag}: ${parsed.error}`);
  return parsed.value;
}
