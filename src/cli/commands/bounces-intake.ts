import { open } from "node:fs/promises";
import { basename } from "node:path";
import { Command } from "commander";
import { bounceSettingsFrom } from "../../app/bounce-settings.ts";
import { handleBounce } from "../../app/handle-bounce.ts";
import { INBOUND_OUTCOMES, type InboundOutcome, type InboundRecord } from "../../app/ports/bounce-store.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { createImapIntake } from "../../mail/intake/imap-intake.ts";
import type { IntakeEvent, IntakeTally } from "../../mail/intake/intake-events.ts";
import { startSmtpIntake } from "../../mail/intake/smtp-intake.ts";
import { createBounceStore } from "../../store/bounces/create-bounce-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { handleBounceDeps, parseDurationFlag, requireImap, smtpListen, stopSignal } from "./bounce-deps.ts";
import { actorName } from "./delivery-deps.ts";

function report(io: Io): (event: IntakeEvent) => void {
  return (event) => {
    if (event.kind === "handled") io.out(`${event.ref}: ${event.summary}`);
    else io.err(`${event.kind}: ${event.message}`);
  };
}

function tallyLine(tally: IntakeTally): string {
  return `processed ${tally.processed}, unmatched ${tally.unmatched}, quarantined ${tally.quarantined}`;
}

async function readUpTo(path: string, maxBytes: number): Promise<{ raw: Buffer; size: number }> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { raw: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

function inboundLine(r: InboundRecord): string {
  const why = typeof r.detail.why === "string" ? `  ${r.detail.why}` : "";
  const invoice = typeof r.detail.invoice === "string" ? `  invoice ${r.detail.invoice}` : "";
  return `${r.receivedAt.toISOString()}  ${r.outcome.padEnd(11)}  ${r.source}  ${r.kind}/${r.format}  ${r.messageId ?? "(no Message-ID)"}${invoice}${why}`;
}

/**
 * The intake commands added to `facteur bounces`: `handle FILE...` feeds saved messages through the same use-case as
 * the intakes; `imap` reads the bounce mailbox (IDLE or polling, or `--once`); `smtp` listens for the bounce domain;
 * `list` shows what was received and what was done with it.
 */
export function bounceIntakeCommands(deps: CliDeps): Command[] {
  const { io } = deps;
  const handle = new Command("handle")
    .description("handle saved bounce messages as if received: match, record, apply their effects")
    .argument("<files...>", "message files (.eml)")
    .option("--json", "one JSON object per file")
    .action((files: string[], flags: { readonly json?: boolean }) =>
      runAction(io, async () => {
        const ctx = await openContext(deps.config);
        try {
          const handling = handleBounceDeps(deps, ctx, actorName(deps));
          let code: number = EXIT.ok;
          for (const file of files) {
            const { raw, size } = await readUpTo(file, deps.config.FACTEUR_BOUNCE_MAX_BYTES).catch(
              (error: unknown) => {
                throw new AppError(
                  "not-found",
                  `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
                );
              },
            );
            const handled = await handleBounce(handling, raw, {
              kind: "file",
              ref: `file:${basename(file)}`,
              size,
            });
            if (flags.json === true) io.out(JSON.stringify({ file, ...handled }));
            else io.out(`${file}: ${handled.summary}`);
            if (handled.outcome === "quarantined") code = EXIT.invalid;
          }
          return code;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );

  const imap = new Command("imap")
    .description(
      "read the bounce mailbox (FACTEUR_BOUNCE_IMAP_URL) until stopped: IDLE when offered, else polling",
    )
    .option("--once", "handle what is in the mailbox now, then exit")
    .option("--poll <duration>", "polling interval without IDLE (default FACTEUR_BOUNCE_IMAP_POLL)")
    .action((flags: { readonly once?: boolean; readonly poll?: string }) =>
      runAction(io, async () => {
        const server = requireImap(deps.config);
        const pollMs = parseDurationFlag(flags.poll ?? deps.config.FACTEUR_BOUNCE_IMAP_POLL, "--poll");
        const ctx = await openContext(deps.config);
        const handling = handleBounceDeps(deps, ctx, "intake:imap");
        const intake = createImapIntake({
          ...server,
          mailbox: deps.config.FACTEUR_BOUNCE_IMAP_MAILBOX,
          maxBytes: deps.config.FACTEUR_BOUNCE_MAX_BYTES,
          pollMs,
          recorded: (ref) => handling.store.inboundBySourceRef(ref),
          handle: (raw, source) => handleBounce(handling, raw, source),
          onEvent: report(io),
        });
        try {
          if (flags.once === true) {
            io.out(`bounce mailbox done: ${tallyLine(await intake.drain())}`);
            return EXIT.ok;
          }
          const stop = stopSignal((signal) => io.err(`${signal}: stopping after the message in hand`));
          try {
            io.out(`intake stopped: ${tallyLine(await intake.run(stop.signal))}`);
          } finally {
            stop.dispose();
          }
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );

  const smtp = new Command("smtp")
    .description(
      "receive bounces by SMTP for FACTEUR_BOUNCE_DOMAIN on FACTEUR_BOUNCE_SMTP_LISTEN until stopped",
    )
    .action(() =>
      runAction(io, async () => {
        const settings = bounceSettingsFrom(deps.config);
        const listen = smtpListen(deps.config);
        const ctx = await openContext(deps.config);
        const handling = handleBounceDeps(deps, ctx, "intake:smtp");
        try {
          const server = await startSmtpIntake({
            ...listen,
            bounceDomain: settings.bounceDomain,
            maxBytes: deps.config.FACTEUR_BOUNCE_MAX_BYTES,
            handle: (raw, source) => handleBounce(handling, raw, source),
            onEvent: report(io),
          });
          io.err(`listening on ${server.address.host}:${server.address.port} for ${settings.bounceDomain}`);
          const stop = stopSignal((signal) => io.err(`${signal}: closing the listener`));
          await new Promise<void>((resolve) =>
            stop.signal.addEventListener("abort", () => resolve(), { once: true }),
          );
          stop.dispose();
          await server.close();
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );

  const list = new Command("list")
    .description("received bounce messages, newest first, with what was done with each")
    .option("--outcome <outcome>", `only these (${INBOUND_OUTCOMES.join(", ")})`)
    .option("--limit <n>", "how many, 1 to 1000", "50")
    .option("--json", "print JSON")
    .action((flags: { readonly outcome?: string; readonly limit?: string; readonly json?: boolean }) =>
      runAction(io, async () => {
        if (flags.outcome !== undefined && !(INBOUND_OUTCOMES as readonly string[]).includes(flags.outcome)) {
          throw new AppError("invalid-input", `--outcome must be one of ${INBOUND_OUTCOMES.join(", ")}`);
        }
        const ctx = await openContext(deps.config);
        try {
          const records = await createBounceStore(ctx.database.db).listInbound({
            ...(flags.outcome === undefined ? {} : { outcome: flags.outcome as InboundOutcome }),
            limit: Number(flags.limit ?? 50),
          });
          if (flags.json === true) io.out(JSON.stringify(records, null, 2));
          else for (const r of records) io.out(inboundLine(r));
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  return [handle, imap, smtp, list];
}
