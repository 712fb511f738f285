import { fromMinorUnits } from "../core/money/minor-units.ts";

/** Hundredths as a plain amount, "1234.56": exact, for people and for JSON alike. */
export function amount(minor: bigint): string {
  return fromMinorUnits(minor).toFixed(2);
}

/** Renders rows as an aligned text table with a header; cells are already strings. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** JSON for scripts: bigints as strings (JSON has no integers beyond 2^53), one line. */
export function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
