import { writeFile } from "node:fs/promises";
import type { Config } from "../../app/config.ts";
import type { ReceivedPeppolMessage } from "../../app/ports/peppol-inbox.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { createPeppolInbox } from "../../store/peppol-inbox/peppol-inbox-repository.ts";
import { withStore } from "../context.ts";
import { json } from "../format.ts";
import type { Io } from "../io.ts";
import { archiveDirOf } from "./delivery-deps.ts";

/** What `peppol show` writes out: each archived object of the message to its own file. */
export interface PeppolShowOptions {
  readonly json?: boolean;
  /** The AS4 request as it arrived (HTTP body), byte for byte. */
  readonly request?: string;
  /** The SBDH document (decompressed). */
  readonly document?: string;
  /** The signed receipt answered. */
  readonly receipt?: string;
}

function describe(message: ReceivedPeppolMessage): string[] {
  const { validation } = message;
  return [
    `message ${message.messageId}`,
    `  received:      ${message.receivedAt.toISOString()}`,
    `  kind:          ${message.kind} (${validation.status}: ${validation.fatal} fatal, ${validation.warnings} warning(s))`,
    `  sender:        ${message.sender} (access point ${message.senderAccessPoint})`,
    `  receiver:      ${message.receiver}`,
    `  instance id:   ${message.instanceId}`,
    `  document:      sha256 ${message.documentSha256}`,
    `  receipt:       sha256 ${message.receiptSha256}`,
    message.request
      ? `  AS4 request:   sha256 ${message.request.sha256} (Content-Type: ${message.request.contentType})`
      : "  AS4 request:   not kept (received before facteur archived requests)",
  ];
}

/**
 * `peppol show <messageId>`: one received message with the hashes of its evidence, and, on request, each archived
 * object written to a file exactly as archived (the AS4 request as the sending access point posted it, the SBDH
 * document, the receipt). The archive re-hashes every object it reads, so an altered one is refused, never written.
 */
export async function peppolShow(
  io: Io,
  config: Config,
  messageId: string,
  options: PeppolShowOptions,
): Promise<void> {
  await withStore(config, async (_store, ctx) => {
    const message = await createPeppolInbox(ctx.database.db).byMessageId(messageId);
    if (!message) throw new AppError("not-found", `no received Peppol message ${messageId} in the inbox`);
    const archive = createLocalArchive(archiveDirOf(config));
    const wanted = [
      ["request", options.request, message.request?.sha256],
      ["document", options.document, message.documentSha256],
      ["receipt", options.receipt, message.receiptSha256],
    ] as const;
    const written: string[] = [];
    for (const [what, file, sha256] of wanted) {
      if (file === undefined) continue;
      if (sha256 === undefined)
        throw new AppError(
          "not-found",
          `the AS4 request of ${messageId} was not kept: it arrived before facteur kept AS4 requests`,
        );
      const bytes = await archive.get(sha256);
      if (!bytes)
        throw new AppError("not-found", `the ${what} of ${messageId} (${sha256}) is not in the archive`);
      await writeFile(file, bytes);
      written.push(`${what} written to ${file} (${bytes.length} bytes, sha256 ${sha256})`);
    }
    if (options.json === true) io.out(json(message));
    else for (const line of describe(message)) io.out(line);
    for (const line of written) io.err(line);
  });
}
