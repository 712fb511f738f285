/**
 * What linking a received status message costs the Peppol inbox (issue 6): `inbox.record` of a message that carries
 * no status (the in-run baseline), of an MLS matched to our Peppol delivery by its id, of an Invoice Response matched
 * by number and sender (the buyer status changes: one audit entry), of one "under query" (a customer query opened:
 * two audit entries and a sequence number), and of a stranger's Invoice Response (kept unmatched). Per kind, on
 * SQLite in a temporary folder (in-process, so the CPU figure covers the database work): CPU ms (process.cpuUsage)
 * and wall ms per message, and the ratio to the baseline. Prints the load average.
 *   npx tsx bench/status-responses.ts [--count 500]
 */

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReceivedPeppolMessage, ReceivedPeppolResponse } from "../src/app/ports/peppol-inbox.ts";
import { createDatabase } from "../src/store/create-database.ts";
import { createDeliveryStore } from "../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../src/store/migrate-to-latest.ts";
import { createPeppolInbox } from "../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { customer, invoice, seed } from "../test/delivery/support/delivery-fixtures.ts";
import { receivedStatusMessage } from "../test/support/peppol/received-status-messages.ts";
import { loadAverage } from "./support/load-average.ts";

const countArg = process.argv.indexOf("--count");
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 500;
const BUYER = "0208:0202239951";
const AT = new Date("2026-12-02T10:00:00.000Z");

const folder = mkdtempSync(join(tmpdir(), "facteur-bench-status-"));
const database = createDatabase({ kind: "sqlite", file: join(folder, "facteur.sqlite") });
await migrateToLatest(database.db);
const invoices = Array.from({ length: COUNT * 2 }, (_, i) =>
  invoice(`B-${String(i).padStart(6, "0")}`, "C1"),
);
await seed(database.db, { customers: [customer("C1")], recipients: [], invoices });
const deliveryIds = invoices.map(() => randomUUID());
await createDeliveryStore(database.db).transaction((unit) =>
  unit.createDeliveries(
    invoices.map((inv, i) => ({
      id: deliveryIds[i] ?? "",
      invoiceId: inv.record.id,
      invoiceNumber: inv.record.number ?? "",
      customerNumber: "C1",
      role: "main" as const,
      round: 1,
      target: "main",
      messageId: `${randomUUID()}@bench`,
      recipients: [],
      peppol: { participant: BUYER },
    })),
    AT,
    "cli:bench",
  ),
);
const inbox = createPeppolInbox(database.db);

function message(sender: string): ReceivedPeppolMessage {
  return receivedStatusMessage({ messageId: `${randomUUID()}@ap.bench`, sender, receivedAt: AT });
}

function response(m: ReceivedPeppolMessage, over: Partial<ReceivedPeppolResponse>): ReceivedPeppolResponse {
  return {
    messageId: m.messageId,
    kind: "invoice-response",
    responseId: "R",
    status: "accepted",
    responseCode: "AP",
    reference: "",
    description: undefined,
    receivedAt: m.receivedAt,
    issueDate: "2026-12-02",
    issueTime: "10:00:00Z",
    ...over,
  };
}

type Case = (i: number) => [ReceivedPeppolMessage, ReceivedPeppolResponse | undefined];

const cases: [string, Case][] = [
  ["no status (baseline)", () => [message(BUYER), undefined]],
  [
    "MLS matched by delivery id",
    (i) => {
      const m = message("0242:000123");
      return [m, response(m, { kind: "mls", reference: deliveryIds[i] ?? "" })];
    },
  ],
  [
    "Invoice Response AP matched",
    (i) => {
      const m = message(BUYER);
      return [m, response(m, { reference: invoices[i]?.record.number ?? "" })];
    },
  ],
  [
    "Invoice Response UQ (opens a query)",
    (i) => {
      const m = message(BUYER);
      const reference = invoices[COUNT + i]?.record.number ?? "";
      return [m, response(m, { reference, status: "under-query", responseCode: "UQ" })];
    },
  ],
  [
    "stranger's Invoice Response (unmatched)",
    (i) => {
      const m = message("0208:0200000043");
      return [m, response(m, { reference: invoices[i]?.record.number ?? "" })];
    },
  ],
];

console.log(`load average ${loadAverage()}; SQLite; ${COUNT} messages per kind`);
let baseline: number | undefined;
for (const [name, build] of cases) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const [m, r] = build(i);
    const outcome = await inbox.record(m, r);
    if (outcome.kind !== "recorded") throw new Error(`${name}: ${outcome.kind}`);
  }
  const wallMs = (performance.now() - start) / COUNT;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / COUNT;
  baseline ??= cpuMs;
  console.log(
    `${name.padEnd(40)} CPU ${cpuMs.toFixed(3)} ms/message (x${(cpuMs / baseline).toFixed(2)})  wall ${wallMs.toFixed(3)} ms/message`,
  );
}
const queries = await database.db
  .selectFrom("customer_queries")
  .select(database.db.fn.countAll().as("n"))
  .executeTakeFirst();
console.log(`customer queries opened: ${String(queries?.n)}`);
await database.destroy();
rmSync(folder, { recursive: true, force: true });
