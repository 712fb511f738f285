import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, parseConfig } from "../../src/app/config.ts";
import { archiveCommand } from "../../src/cli/commands/archive.ts";
import { deliveriesCommand } from "../../src/cli/commands/deliveries.ts";
import type { DeliveryCliDeps } from "../../src/cli/commands/delivery-deps.ts";
import { sendCommand } from "../../src/cli/commands/send.ts";
import { workerCommand } from "../../src/cli/commands/worker.ts";
import type { Io } from "../../src/cli/io.ts";
import { createDatabase } from "../../src/store/create-database.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { type CaptureRelay, startCaptureRelay } from "./support/capture-relay.ts";
import { fakeComposer, fakeRenderer } from "./support/delivery-fakes.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";
import { plainSmtpTransport } from "./support/nodemailer-transport.ts";

const dataDir = mkdtempSync(join(tmpdir(), "facteur-cli-"));

function config(env: Record<string, string>): Config {
  const parsed = parseConfig({ FACTEUR_DATA_DIR: dataDir, ...env });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** Runs one command in-process and returns its exit code and output. */
async function run(
  factory: (deps: DeliveryCliDeps) => Command,
  cfg: Config,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  const deps: DeliveryCliDeps = {
    io,
    config: cfg,
    now: () => new Date(),
    actor: { kind: "cli", id: "tester" },
    newId: randomUUID,
    adapters: {
      transport: (relay) => plainSmtpTransport(relay.port),
      composer: () => fakeComposer(),
      renderer: () => fakeRenderer,
    },
  };
  process.exitCode = 0;
  await factory(deps).exitOverride().parseAsync(args, { from: "user" });
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("delivery commands", () => {
  let relay: CaptureRelay;
  let cfg: Config;

  beforeAll(async () => {
    relay = await startCaptureRelay();
    cfg = config({ FACTEUR_SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
    const database = createDatabase({ kind: "sqlite", file: join(dataDir, "facteur.sqlite") });
    await migrateToLatest(database.db);
    await seed(database.db, {
      customers: [customer("C1"), customer("C2")],
      recipients: [
        recipient("C1", "invoice-mailbox", "invoices@c1.example"),
        recipient("C1", "copy", "cfo@c1.example"),
      ],
      invoices: [invoice("CLI-1", "C1"), invoice("CLI-2", "C2")],
    });
    await database.destroy();
  });
  afterAll(() => relay.close());

  it("refuses to send without a relay and says which variable to set", async () => {
    const result = await run(sendCommand, config({}), ["CLI-1"]);
    expect(result.code).toBe(78);
    expect(result.err).toMatch(/FACTEUR_SMTP_URL=smtp:\/\//);
  });

  it("queues the unsent invoices, reports the customer without a recipient, and delivers them with a worker", async () => {
    const sent = await run(sendCommand, cfg, ["--unsent"]);
    expect(sent.out).toContain("queued 1 invoice(s): 2 message(s), of which 1 copies");
    expect(sent.out).toMatch(/CLI-2: no-usable-recipient: customer C2/);
    expect(sent.code).toBe(1);
    const worked = await run(workerCommand, cfg, ["--once"]);
    expect(worked.out).toBe("worker done: 2 job(s): accepted 2");
    expect(relay.received.map((r) => r.to)).toEqual(
      expect.arrayContaining([["invoices@c1.example"], ["cfo@c1.example"]]),
    );
  });

  it("shows an invoice's deliveries with their timelines", async () => {
    const shown = await run(deliveriesCommand, cfg, ["show", "CLI-1"]);
    expect(shown.out).toMatch(/^invoice CLI-1: sent \(round 1\)/);
    expect(shown.out).toMatch(/accept\s+queued\s+-> accepted/);
    const listed = await run(deliveriesCommand, cfg, ["list", "--state", "accepted"]);
    expect(listed.out.split("\n")).toHaveLength(2);
    const id = listed.out.split(" ")[0] ?? "";
    const refused = await run(deliveriesCommand, cfg, ["release", id]);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining("is accepted, not parked") });
  });

  it("gets, verifies and exports the archived messages", async () => {
    const folder = join(dataDir, "out");
    const got = await run(archiveCommand, cfg, ["get", "--invoice", "CLI-1", "--out", folder]);
    expect(got.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(["CLI-1_r1_copy_cfo@c1.example.eml", "CLI-1_r1_main_invoices@c1.example.eml"]);
    expect(readFileSync(join(folder, files[1] ?? "")).toString()).toContain("To: invoices@c1.example");
    expect((await run(archiveCommand, cfg, ["verify"])).out).toBe("archive intact: 2 message(s) verified");
    const today = new Date().toISOString().slice(0, 10);
    const mbox = join(dataDir, "export.mbox");
    const exported = await run(archiveCommand, cfg, [
      "export",
      "--from",
      today,
      "--to",
      today,
      "--format",
      "mbox",
      "--out",
      mbox,
    ]);
    expect(exported.out).toBe(`exported 2 message(s) to ${mbox} (mbox)`);
    expect(
      readFileSync(mbox)
        .toString()
        .match(/^From bounce\+/gm),
    ).toHaveLength(2);
  });
});
