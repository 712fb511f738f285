import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/** One message as the fake relay received it. */
export interface ReceivedMessage {
  readonly from: string;
  readonly to: string[];
  /** Parameters of MAIL FROM, e.g. { SMTPUTF8: true }. */
  readonly mailFromArgs: Record<string, unknown>;
  readonly raw: Buffer;
}

/** How the fake relay answers; an error carries the reply code in `responseCode`. */
export interface FakeRelayBehaviour {
  readonly rcpt?: (address: string) => Error | null;
  /** The reply to the end of DATA: an error, or the text after "250 ". */
  readonly data?: () => Error | string;
  readonly auth?: (user: string, pass: string) => boolean;
  /** Offer STARTTLS with smtp-server's built-in (expired, self-signed) certificate; off by default. */
  readonly startTls?: boolean;
}

export interface FakeRelay {
  readonly port: number;
  readonly received: ReceivedMessage[];
  /** Most connections open at the same time. */
  readonly peakConnections: () => number;
  close(): Promise<void>;
}

/** An SMTP error carrying a reply code, as smtp-server expects it. */
export function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** An in-process SMTP server on a random loopback port, recording messages byte for byte. */
export async function startFakeRelay(behaviour: FakeRelayBehaviour = {}): Promise<FakeRelay> {
  const received: ReceivedMessage[] = [];
  let open = 0;
  let peak = 0;
  const options: SMTPServerOptions = {
    authOptional: behaviour.auth === undefined,
    disabledCommands: behaviour.startTls ? [] : ["STARTTLS"],
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      open++;
      peak = Math.max(peak, open);
      callback();
    },
    onClose() {
      open--;
    },
    onAuth(auth, _session, callback) {
      if (behaviour.auth?.(auth.username ?? "", auth.password ?? "")) callback(null, { user: auth.username });
      else callback(smtpError(535, "5.7.8 Authentication credentials invalid"));
    },
    onRcptTo(address, _session, callback) {
      const error = behaviour.rcpt?.(address.address) ?? null;
      if (error === null) callback();
      else callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        const mailFrom = envelope.mailFrom === false ? { address: "", args: {} } : envelope.mailFrom;
        received.push({
          from: mailFrom.address,
          to: envelope.rcptTo.map((r) => r.address),
          mailFromArgs: (mailFrom.args || {}) as Record<string, unknown>,
          raw: Buffer.concat(chunks),
        });
        const answer = behaviour.data?.() ?? "2.0.0 Ok: queued as 4F8C21A0B2";
        if (typeof answer === "string") callback(null, answer);
        else callback(answer);
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    peakConnections: () => peak,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
