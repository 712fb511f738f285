import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);

/** Runs the real `facteur` executable with its own data folder and no relay; resolves with its exit code and output. */
async function facteur(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "bin/facteur.js"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", FACTEUR_DATA_DIR: dataDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface ProofJson {
  readonly verdict: string;
  readonly explanation: string;
  readonly demo?: { readonly notice: string; readonly deliveryIds: readonly string[] };
  readonly recipients: readonly {
    readonly demo?: boolean;
    readonly verdict: string;
    readonly explanation: string;
  }[];
}

describe("demo mode: a local capture relay that delivers nothing", { timeout: 120_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), "facteur-demo-"));
  const outbox = join(data, "demo-outbox");

  it("refuses to send without a relay, and refuses --demo when a real relay is configured", async () => {
    for (const file of ["customers.csv", "customers.json"])
      expect((await facteur(data, ["import", "customers", `examples/${file}`])).code).toBe(0);
    for (const file of ["invoices.csv", "invoices.json"])
      expect((await facteur(data, ["import", "invoices", `examples/${file}`])).code).toBe(0);
    const refused = await facteur(data, ["send", "--unsent"]);
    expect(refused.code).toBe(78);
    expect(refused.stderr).toMatch(/no mail relay is configured.*FACTEUR_SMTP_URL=smtp:\/\//);
    const mixed = await facteur(data, ["send", "--unsent", "--demo"], {
      FACTEUR_SMTP_URL: "smtp://127.0.0.1:1",
    });
    expect(mixed.code).toBe(78);
    expect(mixed.stderr).toMatch(/--demo is for trying facteur without a relay, but FACTEUR_SMTP_URL is set/);
  });

  it("sends to the capture relay, keeps every message as a .eml file and says nothing was delivered", async () => {
    const sent = await facteur(data, ["send", "--unsent", "--demo"]);
    const queued = /queued (\d+) invoice\(s\): (\d+) message\(s\)/.exec(sent.stdout);
    const messages = Number(queued?.[2] ?? 0);
    expect(messages).toBeGreaterThan(0);
    expect(sent.stdout).toContain(`worker done: ${messages} job(s): accepted ${messages}`);
    expect(sent.stdout).toContain(
      `demo: ${messages} message(s) captured locally in ${outbox}, not delivered`,
    );
    const files = readdirSync(outbox).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(messages);
    const eml = readFileSync(join(outbox, files[0] ?? "")).toString("latin1");
    expect(eml).toMatch(/^Message-ID: <[^>]+>\r$/m);
    expect(eml).toContain("Content-Type: application/pdf");
  });

  it("marks every demo delivery in `deliveries` and `proof`, and never calls one delivered", async () => {
    const list = await facteur(data, ["deliveries", "list"]);
    const lines = list.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain("[demo: captured locally, not delivered]");
    const json = JSON.parse((await facteur(data, ["deliveries", "list", "--json"])).stdout) as {
      deliveries: { demo?: boolean; invoiceNumber: string }[];
    };
    expect(json.deliveries.every((d) => d.demo === true)).toBe(true);
    const invoice = json.deliveries[0]?.invoiceNumber ?? "";

    const text = await facteur(data, ["proof", invoice]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^DEMO: CAPTURED LOCALLY, NOT DELIVERED: \d+ message\(s\) of this invoice/);
    expect(text.stdout).toMatch(/did the customer get it\? unknown/);
    expect(text.stdout).toContain(
      "demo: captured locally, not delivered: this invoice was only sent in demo mode",
    );
    expect(text.stdout).not.toMatch(/delivered, (certain|high|medium|low)/);

    const proof = JSON.parse((await facteur(data, ["proof", invoice, "--json"])).stdout) as ProofJson;
    expect(proof.demo?.notice).toBe("demo: captured locally, not delivered");
    expect(proof.verdict).toBe("unknown");
    expect(proof.recipients.length).toBeGreaterThan(0);
    for (const r of proof.recipients) expect(r).toMatchObject({ demo: true, verdict: "unknown" });

    const pdf = await facteur(data, ["proof", invoice, "--pdf", join(data, "proof.pdf")]);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain("was sent in demo mode");
  });

  it("runs a demo worker that says where its messages go", async () => {
    const worked = await facteur(data, ["worker", "--demo", "--once"]);
    expect(worked.code).toBe(0);
    expect(worked.stderr).toContain("(demo capture relay: nothing is delivered)");
    expect(worked.stdout).toContain("worker done: 0 job(s)");
    expect(worked.stdout).toContain(`demo: 0 message(s) captured locally in ${outbox}, not delivered`);
  });
});
