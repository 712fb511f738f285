import { describe, expect, it } from "vitest";
import { UNREACHABLE_MAIL_SETTINGS, useSendingCliSetup } from "../support/peppol/cli-environments.ts";
import { runFacteur } from "../support/run-facteur.ts";

/** examples/customers.csv: C001 receives over Peppol under this id; C003 (German) and C004 (a consumer) by e-mail. */
const C001 = "0208:0403457345";

/** Its `env` holds only the Peppol settings: no relay, no bounce domain, no VERP secret. */
const setup = useSendingCliSetup(C001, "facteur-peppol-only-cli-");

describe("a Peppol-only setup through the CLI (no SMTP settings)", { timeout: 120_000 }, () => {
  it("sends and delivers Peppol invoices, and asks for the mail settings only when an e-mail has to go out", async () => {
    const facteur = (args: string[], env = setup().env) => runFacteur(env, args);
    for (const file of ["customers.csv", "invoices.csv"])
      expect((await facteur(["import", file.split(".")[0] ?? "", `examples/${file}`])).code).toBe(0);

    const sent = await facteur(["send", "INV-2026-0001"]);
    expect(sent.stderr).toBe("");
    expect(sent).toMatchObject({ code: 0, stdout: expect.stringContaining("queued 1 invoice(s)") });
    const worker = await facteur(["worker", "--once"]);
    expect(worker.code).toBe(0);
    expect(worker.stderr).toMatch(/delivering over Peppol only/);
    expect(worker.stderr).toMatch(/0 e-mail delivery job\(s\) wait/);
    expect(worker.stdout).toBe("worker done: 1 job(s): accepted 1\n");
    const received = await setup().ap.inbox.list({ limit: 10 });
    expect(received.messages.map((m) => m.receiver)).toEqual([C001]);

    // E-mail invoices are not queued, and the error names every mail setting.
    const unsent = await facteur(["send", "--unsent"]);
    expect(unsent.code).toBe(78);
    expect(unsent.stdout).toMatch(/INV-2026-0003: no-mail-relay/);
    expect(unsent.stdout).toMatch(/INV-2026-0004: no-mail-relay/);
    expect(unsent.stdout).toMatch(/INV-2026-0002: not-on-peppol/);
    expect(unsent.stderr).toMatch(
      /2 invoice\(s\) go by e-mail and were not queued, and no mail relay is configured/,
    );
    for (const variable of Object.keys(UNREACHABLE_MAIL_SETTINGS)) expect(unsent.stderr).toContain(variable);
    const none = await facteur(["deliveries", "list", "--invoice", "INV-2026-0003", "--json"]);
    expect(none.stdout).not.toContain("INV-2026-0003");

    // An e-mail job queued by a send that had a relay waits for a worker that has one, and says why.
    expect(
      (await facteur(["send", "INV-2026-0003"], { ...setup().env, ...UNREACHABLE_MAIL_SETTINGS })).code,
    ).toBe(0);
    const waiting = await facteur(["worker", "--once"]);
    expect(waiting.code).toBe(78);
    expect(waiting.stdout).toBe("worker done: 0 job(s)\n");
    expect(waiting.stderr).toMatch(
      /1 e-mail delivery job\(s\) wait to be sent, and no mail relay is configured/,
    );
    for (const variable of Object.keys(UNREACHABLE_MAIL_SETTINGS)) expect(waiting.stderr).toContain(variable);
  });

  it("refuses a worker with neither a relay nor Peppol, naming the mail settings", async () => {
    const bare = await runFacteur({ FACTEUR_DATA_DIR: setup().env.FACTEUR_DATA_DIR ?? "" }, [
      "worker",
      "--once",
    ]);
    expect(bare.code).toBe(78);
    expect(bare.stderr).toMatch(
      /nothing can be delivered: Peppol is off \(Peppol discovery is not configured/,
    );
    for (const variable of Object.keys(UNREACHABLE_MAIL_SETTINGS)) expect(bare.stderr).toContain(variable);
  });
});
