import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { cpuSecondsSince, machineBusySeconds, POSTFIX_DAEMONS, processCpuSeconds } from "./system-cpu.ts";

const run = promisify(execFile);

/** What Postfix's load generator achieved. */
export interface SmtpSourceRun {
  readonly messages: number;
  readonly sessions: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU seconds of Postfix's daemons during the run (a lower bound: daemons that exited are not counted). */
  readonly postfixCpuSeconds: number;
  readonly machineBusySeconds: number;
}

/**
 * Pushes `messages` copies of `raw` to the relay with Postfix's `smtp-source` over `sessions` parallel sessions that
 * stay connected (-d), as the worker's pooled connections do. smtp-source appends CRLF to each line it reads, so the
 * file is written with bare LF line ends: the relay receives the same bytes.
 */
export async function runSmtpSource(options: {
  readonly raw: Buffer;
  readonly file: string;
  readonly messages: number;
  readonly sessions: number;
  readonly from: string;
  readonly to: string;
  readonly host: string;
  readonly port: number;
}): Promise<SmtpSourceRun> {
  writeFileSync(options.file, options.raw.toString("latin1").replace(/\r\n/g, "\n"), "latin1");
  const postfix = processCpuSeconds(POSTFIX_DAEMONS);
  const busy = machineBusySeconds();
  const start = performance.now();
  await run(
    "/usr/sbin/smtp-source",
    [
      "-d",
      "-s",
      String(options.sessions),
      "-m",
      String(options.messages),
      "-F",
      options.file,
      "-f",
      options.from,
      "-t",
      options.to,
      `${options.host}:${options.port}`,
    ],
    { timeout: 600_000 },
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    messages: options.messages,
    sessions: options.sessions,
    seconds,
    perSecond: options.messages / seconds,
    postfixCpuSeconds: cpuSecondsSince(postfix, POSTFIX_DAEMONS),
    machineBusySeconds: machineBusySeconds() - busy,
  };
}
