import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message the capture relay took. */
export interface Captured {
  readonly messageId: string;
  readonly sha256: string;
  readonly from: string;
  readonly to: readonly string[];
}

/** A loopback SMTP server that answers 250 to everything and remembers what it got. Delivers nothing anywhere. */
export interface CaptureRelay {
  readonly port: number;
  readonly received: Captured[];
  close(): Promise<void>;
}

const MESSAGE_ID = /^Message-ID:\s*<([^>]+)>/im;

/** Starts the capture relay on an ephemeral loopback port. */
export async function startCaptureRelay(): Promise<CaptureRelay> {
  const received: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const id = MESSAGE_ID.exec(raw.subarray(0, 4096).toString("latin1"))?.[1] ?? "";
        received.push({
          messageId: id,
          sha256: createHash("sha256").update(raw).digest("hex"),
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback(null, `Ok: queued as Q${received.length}`);
      });
    },
  });
  // A worker killed mid-session resets its connections; that is the point of the test, not an error.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
