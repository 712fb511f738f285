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
 * CPU seconds used so far by each running process whose command is one of `names` (e.g. Postfix's daemons), by pid,
 * from /proc/<pid>/stat. See {@link cpuSecondsSince}.
 */
export function processCpuSeconds(names: ReadonlySet<string>): Map<string, number> {
  const seconds = new Map<string, number>();
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
    seconds.set(pid, (Number(rest[11] ?? 0) + Number(rest[12] ?? 0)) / TICKS_PER_SECOND);
  }
  return seconds;
}

/**
 * CPU seconds the processes of `names` used since the reading `before`: what each process still running used since
 * then (all of it for a process started since). Processes that exited meanwhile are not counted: a lower bound.
 */
export function cpuSecondsSince(before: ReadonlyMap<string, number>, names: ReadonlySet<string>): number {
  let total = 0;
  for (const [pid, now] of processCpuSeconds(names)) total += now - (before.get(pid) ?? 0);
  return total;
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
