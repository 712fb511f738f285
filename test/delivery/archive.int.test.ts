import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { archivedMessagesIn, archivedMessagesOfInvoice } from "../../src/app/archived-messages.ts";
import { runWorker } from "../../src/app/run-worker.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { verifyArchive } from "../../src/app/verify-archive.ts";
import { describeEachEngine } from "../support/databases.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";
import { clockAt, workerDeps } from "./support/worker-deps.ts";

describeEachEngine("message archive", (engine) => {
  const clock = clockAt("2026-12-02T09:00:00.000Z");
  const root = mkdtempSync(join(tmpdir(), "facteur-archive-int-"));
  let deps: ReturnType<typeof workerDeps>;
  const fileOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2));

  beforeAll(async () => {
    deps = workerDeps(engine.db, clock, { archiveDir: root });
    await seed(engine.db, {
      customers: [customer("A1"), customer("A2")],
      recipients: [
        recipient("A1", "invoice-mailbox", "invoices@a1.example"),
        recipient("A1", "copy", "Boss@a1.example"),
        recipient("A2", "person", "p@a2.example"),
      ],
      invoices: [invoice("AR-1", "A1"), invoice("AR-2", "A2"), invoice("AR-3", "A2")],
    });
    await sendInvoices(
      {
        store: deps.store,
        now: () => clock.now,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: routeByPreference,
      },
      { selection: { kind: "unsent" }, actor: "cli:test" },
    );
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    return () => rmSync(root, { recursive: true, force: true });
  });

  it("links each archived message to its delivery, invoice and recipient, kept ten years", async () => {
    const all = await archivedMessagesOfInvoice(deps, { invoiceNumber: "AR-1" });
    expect(all.map((m) => m.delivery.role)).toEqual(["main", "copy"]);
    const [copy] = await archivedMessagesOfInvoice(deps, {
      invoiceNumber: "AR-1",
      recipient: "boss@A1.example",
    });
    expect(copy?.delivery).toMatchObject({ role: "copy", customerNumber: "A1", invoiceNumber: "AR-1" });
    expect(copy?.raw.toString()).toContain(`Message-ID: <${copy?.delivery.messageId}>`);
    const index = [];
    for await (const entry of deps.store.archiveIndex()) index.push(entry);
    expect(index).toHaveLength(4);
    expect(new Set(index.map((e) => e.retainUntil))).toEqual(new Set(["2036-12-02"]));
    await expect(
      archivedMessagesOfInvoice(deps, { invoiceNumber: "AR-1", recipient: "x@y.example" }),
    ).rejects.toThrow(/no delivery to x@y.example/);
  });

  it("exports the messages of a period for one customer", async () => {
    const exported = [];
    for await (const m of archivedMessagesIn(deps, {
      from: "2026-12-02",
      to: "2026-12-02",
      customerNumber: "A2",
    })) {
      exported.push(m.delivery.invoiceNumber);
    }
    expect(exported.sort()).toEqual(["AR-2", "AR-3"]);
    const none = archivedMessagesIn(deps, { from: "2026-12-03", to: "2026-12-31" });
    expect((await none[Symbol.asyncIterator]().next()).done).toBe(true);
  });

  it("finds nothing wrong in an untouched archive, then names the altered and the missing file", async () => {
    expect(await verifyArchive(deps)).toEqual({ indexed: 4, problems: [] });
    const [one] = await archivedMessagesOfInvoice(deps, { invoiceNumber: "AR-2" });
    const [two] = await archivedMessagesOfInvoice(deps, { invoiceNumber: "AR-3" });
    const altered = one?.delivery.archive?.sha256 ?? "";
    const missing = two?.delivery.archive?.sha256 ?? "";
    chmodSync(fileOf(altered), 0o644);
    writeFileSync(fileOf(altered), (one?.raw.toString() ?? "").replace("AR-2", "AR-9"));
    rmSync(fileOf(missing));
    const result = await verifyArchive(deps);
    expect(result.indexed).toBe(4);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { sha256: altered, problem: "altered" },
        { sha256: missing, problem: "missing" },
      ]),
    );
    expect(result.problems).toHaveLength(2);
  });
});
