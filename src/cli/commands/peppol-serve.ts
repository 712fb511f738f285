import type { Command } from "commander";
import type { Config } from "../../app/config.ts";
import type { ReceivedPeppolMessage } from "../../app/ports/peppol-inbox.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { parseDuration } from "../../core/delivery/duration.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { accessPointFromConfig } from "../../peppol/as4/access-point-from-config.ts";
import { startAs4Receiver } from "../../peppol/receiver/start-as4-receiver.ts";
import { createPeppolInbox } from "../../store/peppol-inbox/peppol-inbox-repository.ts";
import { createPeppolResponseOutbox } from "../../store/peppol-response-outbox/create-peppol-response-outbox.ts";
import { openContext, withStore } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { json, table } from "../format.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { stopSignal } from "./bounce-deps.ts";
import { archiveDirOf } from "./delivery-deps.ts";
import { answeredCell, receivedMessageResponder } from "./peppol-responder.ts";
import { type PeppolShowOptions, peppolShow } from "./peppol-show.ts";

/**
 * `peppol serve`: the AS4 receiving access point until SIGINT or SIGTERM. Checks the own access point first (seat,
 * key, AP CA, https identity) and prints every problem; then listens on FACTEUR_PEPPOL_LISTEN, one log line per
 * message (outcome and MessageId). On the signal it stops accepting, finishes the requests in flight (each answered
 * and recorded; those still running after FACTEUR_PEPPOL_SHUTDOWN_GRACE are cut), then closes the server and the
 * database.
 */
async function serveAction(io: Io, config: Config): Promise<void> {
  const ap = await accessPointFromConfig(config);
  const problems = ap.ok ? [] : ap.error;
  if (ap.ok && !ap.value.tls)
    problems.push(
      "FACTEUR_PEPPOL_TLS_CERT_FILE and FACTEUR_PEPPOL_TLS_KEY_FILE must be set to serve over https",
    );
  const grace = parseDuration(config.FACTEUR_PEPPOL_SHUTDOWN_GRACE);
  if (!grace.ok) problems.push(`FACTEUR_PEPPOL_SHUTDOWN_GRACE: ${grace.error}`);
  if (!ap.ok || !ap.value.tls || !grace.ok || problems.length > 0) {
    for (const problem of problems) io.err(`error: ${problem}`);
    process.exitCode = EXIT.config;
    return;
  }
  const ctx = await openContext(config);
  try {
    const archive = createLocalArchive(archiveDirOf(config));
    const receiver = await startAs4Receiver({
      listen: ap.value.listen,
      tls: ap.value.tls,
      accessPoint: ap.value,
      inbox: createPeppolInbox(ctx.database.db),
      archive,
      retentionYears: config.FACTEUR_ARCHIVE_RETENTION_YEARS,
      responder: receivedMessageResponder(config, ctx.database.db, archive, ap.value.seatId),
      maxMessageBytes: ap.value.maxMessageBytes,
      shutdownGraceMs: grace.value,
      log: (line) => io.out(`${new Date().toISOString()} ${line}`),
    });
    io.out(`AS4 receiver of seat ${ap.value.seatId} listening on ${receiver.url}`);
    if (ap.value.endpointUrl) io.out(`public endpoint: ${ap.value.endpointUrl}`);
    io.out(`serving ${ap.value.participants.join(", ")}; data: ${ctx.where}`);
    await new Promise<void>((resolve) => {
      const stop = stopSignal((signal) =>
        io.out(`${signal}: stopping; finishing ${receiver.inFlight()} request(s) in flight`),
      );
      stop.signal.addEventListener("abort", () => {
        stop.dispose();
        resolve();
      });
    });
    await receiver.close();
    io.out("stopped");
  } finally {
    await ctx.database.destroy();
  }
}

function row(message: ReceivedPeppolMessage, answered: string): string[] {
  return [
    message.receivedAt.toISOString(),
    message.kind,
    message.sender,
    message.receiver,
    message.validation.status,
    answered,
    message.messageId,
  ];
}

/** `peppol inbox [--json]`: the received Peppol messages, newest first, with the status messages that answered them. */
async function inboxAction(io: Io, config: Config, options: { json?: boolean }): Promise<void> {
  await withStore(config, async (_store, ctx) => {
    const inbox = createPeppolInbox(ctx.database.db);
    const outbox = createPeppolResponseOutbox(ctx.database.db);
    const rows: string[][] = [];
    let before: string | undefined;
    do {
      const page = await inbox.list({ limit: 500, ...(before ? { before } : {}) });
      const answers = await outbox.responsesTo(page.messages.map((message) => message.messageId));
      for (const message of page.messages) {
        const answered = answers.filter((response) => response.inboxMessageId === message.messageId);
        if (options.json === true) io.out(json({ ...message, answered }));
        else rows.push(row(message, answeredCell(answered)));
      }
      before = page.next ?? undefined;
    } while (before);
    if (options.json !== true)
      io.out(table(["RECEIVED", "KIND", "SENDER", "RECEIVER", "VALIDATION", "ANSWERED", "MESSAGE ID"], rows));
  });
}

/** Adds `serve`, `inbox` and `show` to the `peppol` command. */
export function addPeppolServeCommands(command: Command, io: Io, config: Config | undefined): void {
  const needConfig = (action: (config: Config) => Promise<void>) => async () => {
    if (config) return action(config);
    io.err("error: this command needs the configuration");
    process.exitCode = EXIT.config;
  };
  command
    .command("serve")
    .description(
      "receive Peppol AS4 messages over https on FACTEUR_PEPPOL_LISTEN until SIGINT/SIGTERM: signed receipts, ebMS errors, received documents in the inbox",
    )
    .action(needConfig((c) => serveAction(io, c)));
  command
    .command("inbox")
    .description("list the received Peppol messages, newest first")
    .option("--json", "one JSON object per line")
    .action((options: { json?: boolean }) => needConfig((c) => inboxAction(io, c, options))());
  command
    .command("show")
    .description(
      "one received Peppol message and its evidence; writes its archived objects to files on request",
    )
    .argument("<messageId>", "the ebMS MessageId (see `peppol inbox`)")
    .option("--request <file>", "write the AS4 request as it arrived (HTTP body), byte for byte")
    .option("--document <file>", "write the SBDH document")
    .option("--receipt <file>", "write the signed receipt answered")
    .option("--json", "the message as one JSON object")
    .action((messageId: string, options: PeppolShowOptions) =>
      runAction(io, async () => {
        if (!config) throw new AppError("config", "this command needs the configuration");
        await peppolShow(io, config, messageId, options);
        return EXIT.ok;
      }),
    );
}
