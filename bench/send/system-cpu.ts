import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** CPU seconds the whole machine spent busy (all cores, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by the running processes whose command is one of `names` (e.g. Postfix's daemons), from
 * /proc/<pid>/stat. Processes that exited are not counted: a difference of two readings is a lower bound.
 */
export function processCpuSeconds(names: ReadonlySet<string>): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    if (!names.has(stat.slice(open + 1, close))) continue;
    const rest = stat.slice(close + 2).split(" ");
    ticks += Number(rest[11] ?? 0) + Number(rest[12] ?? 0);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Postfix's daemons on the relay side of a submission. */
export const POSTFIX_DAEMONS: ReadonlySet<string> = new Set([
  "master",
  "smtpd",
  "cleanup",
  "qmgr",
  "trivial-rewrite",
  "discard",
  "anvil",
  "postlogd",
  "tlsmgr",
  "proxymap",
]);
