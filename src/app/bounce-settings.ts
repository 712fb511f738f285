import type { SoftRetryPolicy } from "../core/delivery/bounce-effects.ts";
import { parseDuration } from "../core/delivery/duration.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { Config } from "./config.ts";

/** How received bounces are handled. All from configuration. */
export interface BounceSettings {
  /** Domain of the VERP return paths: only its addresses are checked for a token. */
  readonly bounceDomain: string;
  /** Sending again after a soft bounce of an accepted message; null: only record it. */
  readonly softRetry: SoftRetryPolicy | null;
  /** Years each received bounce is kept in the archive (the evidence of a delivery's fate). */
  readonly retentionYears: number;
  /** When a main message bounces for good, send the invoice at once to the customer's other main recipients. */
  readonly tryOtherRecipients?: boolean;
}

/** The VERP secrets in use: the current one first, then those still accepted during a rotation. */
export function verpSecretsFrom(config: Config): string[] {
  if (config.FACTEUR_VERP_SECRET === undefined) {
    throw new AppError(
      "config",
      "FACTEUR_VERP_SECRET is not set, so no bounce can be tied to its delivery. Set it to a random string of at " +
        "least 16 bytes (the one the worker signs return paths with), e.g. FACTEUR_VERP_SECRET=$(openssl rand -hex 32).",
    );
  }
  const previous = (config.FACTEUR_VERP_PREVIOUS_SECRETS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const short = previous.find((s) => Buffer.byteLength(s, "utf8") < 16);
  if (short !== undefined)
    throw new AppError("config", "every FACTEUR_VERP_PREVIOUS_SECRETS entry needs at least 16 bytes");
  return [config.FACTEUR_VERP_SECRET, ...previous];
}

/** The bounce settings a {@link Config} describes; fails with `config` when the bounce domain is not set. */
export function bounceSettingsFrom(config: Config): BounceSettings {
  const domain = config.FACTEUR_BOUNCE_DOMAIN;
  if (domain === undefined) {
    throw new AppError(
      "config",
      "FACTEUR_BOUNCE_DOMAIN is not set: set it to the domain of the return paths (e.g. bounces.example.com), whose " +
        "mail reaches the bounce mailbox.",
    );
  }
  let softRetry: SoftRetryPolicy | null = null;
  if (config.FACTEUR_BOUNCE_SOFT_RETRY !== "off" && config.FACTEUR_BOUNCE_SOFT_RETRY_MAX > 0) {
    const after = parseDuration(config.FACTEUR_BOUNCE_SOFT_RETRY);
    if (!after.ok) throw new AppError("config", `FACTEUR_BOUNCE_SOFT_RETRY: ${after.error}`);
    softRetry = { afterMs: after.value, max: config.FACTEUR_BOUNCE_SOFT_RETRY_MAX };
  }
  return {
    bounceDomain: domain.toLowerCase(),
    softRetry,
    retentionYears: config.FACTEUR_ARCHIVE_RETENTION_YEARS,
    tryOtherRecipients: config.FACTEUR_BOUNCE_TRY_OTHERS === "on",
  };
}
