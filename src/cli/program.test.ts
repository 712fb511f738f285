import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../app/config.ts";
import type { CliDeps } from "./cli-deps.ts";
import { createProgram } from "./program.ts";

function deps(out: string[]): CliDeps {
  const config = parseConfig({});
  if (!config.ok) throw new Error("the default configuration does not parse");
  return {
    io: { out: (text) => out.push(text), err: (text) => out.push(text), interactive: false },
    config: config.value,
    now: () => new Date("2026-11-29T00:00:00Z"),
    actor: { kind: "cli", id: "test" },
    newId: randomUUID,
  };
}

const names = (program: Awaited<ReturnType<typeof createProgram>>) => program.commands.map((c) => c.name());

describe("createProgram", () => {
  it("builds only the top-level command the arguments name, besides config and init", async () => {
    expect(names(await createProgram(deps([]), ["node", "facteur", "import", "invoices", "x.csv"]))).toEqual([
      "config",
      "init",
      "import",
    ]);
    expect(names(await createProgram(deps([]), ["node", "facteur", "worker", "--once"]))).toEqual([
      "config",
      "init",
      "worker",
    ]);
  });

  it("builds every command for help, no command, or a mistyped one", async () => {
    const all = [
      "config",
      "init",
      "import",
      "customers",
      "invoices",
      "audit",
      "validate",
      "render",
      "bounces",
      "undelivered",
      "proof",
      "queries",
      "dkim",
      "peppol",
      "send",
      "worker",
      "deliveries",
      "archive",
    ];
    for (const argv of [["--help"], [], ["imprt"], ["toString"]])
      expect(names(await createProgram(deps([]), ["node", "facteur", ...argv]))).toEqual(all);
  });
});
