import { mkdir, open } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { DEMO_REPLY_TAG } from "./demo-reply.ts";

/** The demo relay: an SMTP server on loopback that keeps every message as a file and delivers nothing. */
export interface CaptureRelay {
  readonly host: string;
  readonly port: number;
  /** Where the .eml files are written. */
  readonly dir: string;
  /** Messages captured since it started. */
  captured(): number;
  close(): Promise<void>;
}

/** Largest message taken, as the lab relay: room for a 30 MB attachment after base64. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * Starts the demo capture relay on 127.0.0.1 (a random free port): it accepts any sender and recipient, writes each
 * message as `<dir>/<time>-<n>.eml` (the exact bytes received, preceded by nothing), syncs it, and only then answers
 * `250 2.0.0 DEMO-CAPTURE ...`: that reply, recorded by the worker, marks the delivery as a demo for good. Nothing
 * leaves the machine: the server relays nothing and listens on loopback only.
 */
export async function startCaptureRelay(dir: string): Promise<CaptureRelay> {
  await mkdir(dir, { recursive: true });
  let count = 0;
  const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    banner: "facteur demo capture relay: messages are kept on this machine, never delivered",
    size: MAX_MESSAGE_BYTES,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(
            Object.assign(new Error("5.3.4 message too big for the demo relay"), { responseCode: 552 }),
          );
          return;
        }
        count++;
        const name = `${stamp()}-${String(count).padStart(6, "0")}.eml`;
        void save(join(dir, name), Buffer.concat(chunks)).then(
          () => callback(null, `2.0.0 ${DEMO_REPLY_TAG} captured locally as ${name}, not delivered`),
          (error: unknown) =>
            callback(
              Object.assign(new Error(`4.3.0 the demo relay could not save the message: ${String(error)}`), {
                responseCode: 451,
              }),
            ),
        );
      });
    },
  });
  // A client that drops its connection is not the relay's problem; it must not take the command down.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    dir,
    captured: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function save(file: string, raw: Buffer): Promise<void> {
  const handle = await open(file, "wx", 0o600);
  try {
    await handle.writeFile(raw);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
