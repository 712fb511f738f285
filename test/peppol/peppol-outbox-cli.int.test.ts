import { describe, expect, it } from "vitest";
import { UNREACHABLE_MAIL_SETTINGS, useSendingCliSetup } from "../support/peppol/cli-environments.ts";
import { runFacteur } from "../support/run-facteur.ts";

/** examples/customers.csv: C001 receives over Peppol under this id; C002 (Belgian, prefers e-mail) is not on Peppol. */
const C001 = "0208:0403457345";

const setup = useSendingCliSetup(C001, "facteur-peppol-outbox-cli-");

describe("Peppol through the CLI: send, worker, deliveries, proof", { timeout: 120_000 }, () => {
  it("queues the Peppol customer's invoice, the worker sends it with the seat, and the proof shows the receipt", async () => {
    const facteur = (args: string[]) => runFacteur({ ...setup().env, ...UNREACHABLE_MAIL_SETTINGS }, args);
    for (const file of ["customers.csv", "invoices.csv"])
      expect((await facteur(["import", file.split(".")[0] ?? "", `examples/${file}`])).code).toBe(0);
    const sent = await facteur(["send", "--unsent"]);
    expect(sent.stdout).toMatch(/INV-2026-0002: not-on-peppol/);
    const worker = await facteur(["worker", "--once"]);
    expect(worker.stderr).toMatch(/Peppol: sending as POP/);
    const listed = await facteur(["deliveries", "list", "--invoice", "INV-2026-0001"]);
    expect(listed.stdout).toMatch(new RegExp(`main\\s+accepted\\s+peppol ${C001}`));
    const proof = await facteur(["proof", "INV-2026-0001"]);
    expect(proof.code).toBe(0);
    expect(proof.stdout).toContain(`Peppol ${C001} (main, round 1): delivered, certain`);
    expect(proof.stdout).toContain("signed AS4 receipt from the buyer's access point, verified");
    const held = await facteur(["deliveries", "list", "--invoice", "INV-2026-0002", "--json"]);
    expect(held.stdout).not.toContain("INV-2026-0002");
  });
});
