import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU clock ticks (user + system) of each thread of this process, by thread id, from Linux's /proc (empty elsewhere):
 * process.cpuUsage() adds up every thread, and the rate two cores can reach depends on the busiest one.
 */
export function threadTicks(): Map<string, { name: string; ticks: number }> {
  const out = new Map<string, { name: string; ticks: number }>();
  let tids: string[] = [];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.set(tid, {
        name: stat.slice(stat.indexOf("(") + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** CPU µs per thread between two readings (Linux counts 100 ticks a second). */
export function threadCpuUs(
  before: Map<string, { name: string; ticks: number }>,
  after: Map<string, { name: string; ticks: number }>,
): Map<string, { name: string; us: number }> {
  const out = new Map<string, { name: string; us: number }>();
  for (const [tid, t] of after)
    out.set(tid, { name: t.name, us: (t.ticks - (before.get(tid)?.ticks ?? 0)) * 10_000 });
  return out;
}
