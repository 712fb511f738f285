import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { HandledBounce, InboundSource } from "../../app/handle-bounce.ts";
import type { IntakeEvent } from "./intake-events.ts";

export interface SmtpIntakeOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Only addresses of this domain are accepted as recipients: the listener relays nothing. */
  readonly bounceDomain: string;
  /** Largest message accepted (advertised with SIZE); a larger one is answered 552 and not handled. */
  readonly maxBytes: number;
  /** Connections served at once; more are refused with 421. */
  readonly maxClients?: number;
  /** Recipients accepted in one transaction. */
  readonly maxRecipients?: number;
  /** Idle time before a connection is dropped. */
  readonly socketTimeoutMs?: number;
  /** Name in the greeting. */
  readonly hostname?: string;
  handle(raw: Buffer, source: InboundSource): Promise<HandledBounce>;
  onEvent?(event: IntakeEvent): void;
}

/** A running listener. */
export interface SmtpIntake {
  readonly address: { readonly host: string; readonly port: number };
  close(): Promise<void>;
}

/** An SMTP error with the reply code smtp-server sends. */
function reply(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** Reads the DATA stream, keeping at most `maxBytes` (the rest is read and dropped, so the client gets an answer). */
async function collect(
  stream: SMTPServerDataStream,
  maxBytes: number,
): Promise<{ raw: Buffer; size: number }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (kept < maxBytes) {
      const part = chunk.subarray(0, maxBytes - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { raw: Buffer.concat(chunks, kept), size };
}

/**
 * An inbound SMTP listener for the bounce domain, feeding the same use-case as the IMAP intake. Limits: SIZE
 * (`maxBytes`, also enforced on the stream: a larger message gets 552 5.3.4 and is not handled), `maxClients`
 * connections, `maxRecipients` per message, an idle timeout; no AUTH, no relaying (a recipient outside the bounce
 * domain gets 550 5.7.1). The MIME structure is bounded by the bounce reader (parts, depth, bytes parsed). A handling
 * failure (the database is down) answers 451 4.3.0, so the sending server keeps the notice and tries again.
 */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const domain = options.bounceDomain.toLowerCase();
  const maxRecipients = options.maxRecipients ?? 20;
  const emit = (event: IntakeEvent) => options.onEvent?.(event);
  let sessions = 0;
  const server = new SMTPServer({
    name: options.hostname ?? domain,
    banner: "facteur bounce intake",
    size: options.maxBytes,
    maxClients: options.maxClients ?? 20,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    closeTimeout: 5_000,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, session, callback) {
      if (domainOf(address.address) !== domain) {
        emit({ kind: "refused", message: `RCPT TO ${address.address}: not an address of ${domain}` });
        callback(reply(550, `5.7.1 <${address.address}>: only mail for ${domain} is accepted here`));
        return;
      }
      if (session.envelope.rcptTo.length >= maxRecipients) {
        callback(reply(452, `4.5.3 too many recipients (at most ${maxRecipients})`));
        return;
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      collect(stream, options.maxBytes).then(
        async ({ raw, size }) => {
          if (stream.sizeExceeded || size > options.maxBytes) {
            emit({
              kind: "refused",
              message: `message of ${size} bytes over the ${options.maxBytes}-byte limit`,
            });
            callback(reply(552, `5.3.4 message too big: at most ${options.maxBytes} bytes`));
            return;
          }
          sessions += 1;
          const ref = `smtp:${session.id}:${sessions}`;
          try {
            const handled = await options.handle(raw, {
              kind: "smtp",
              ref,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            });
            emit({ kind: "handled", ref, outcome: handled.outcome, summary: handled.summary });
            callback(null, `2.0.0 ${handled.outcome}`);
          } catch (error) {
            emit({
              kind: "error",
              message: `${ref}: ${error instanceof Error ? error.message : String(error)}`,
            });
            callback(reply(451, "4.3.0 the notice could not be recorded; try again later"));
          }
        },
        (error: unknown) => {
          emit({
            kind: "error",
            message: `reading DATA: ${error instanceof Error ? error.message : String(error)}`,
          });
          callback(reply(451, "4.3.0 the message could not be read; try again later"));
        },
      );
    },
  });
  server.on("error", (error: unknown) =>
    emit({ kind: "error", message: `smtp: ${error instanceof Error ? error.message : String(error)}` }),
  );
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const bound = server.server.address() as AddressInfo;
  return {
    address: { host: bound.address, port: bound.port },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
