import { loadavg } from "node:os";

/** The 1, 5 and 15 minute load averages, printed beside every figure: on a shared machine they explain the noise. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}
