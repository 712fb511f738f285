/**
 * The matching part of bench/bounces.ts: parse + classify + match per second over the corpus, against an in-memory
 * index of deliveries and against SQLite. Every corpus message quoting a Message-ID gets a delivery with that
 * Message-ID, so the lookups find something; one message in four is addressed to a VERP return path of its delivery,
 * so the HMAC check runs too.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchBounce } from "../src/app/match-bounce.ts";
import type { BounceReaderStore } from "../src/app/ports/bounce-store.ts";
import type { Delivery } from "../src/core/delivery/delivery.ts";
import { createBounceReader } from "../src/mail/intake/create-bounce-reader.ts";
import { verpReturnPath } from "../src/mail/verp/verp-token.ts";
import { createBounceStore } from "../src/store/bounces/create-bounce-store.ts";
import { createDatabase } from "../src/store/create-database.ts";
import { createStore } from "../src/store/create-store.ts";
import { createDeliveryStore } from "../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../src/store/migrate-to-latest.ts";
import { buildCustomer } from "../test/support/build-customer.ts";

const SECRET = "bench-verp-secret-0123456789";
const DOMAIN = "bounces.bench.test";

type Measure = (work: () => Promise<void> | void) => Promise<{ wall: number; cpu: number }>;

function delivery(id: string, messageId: string): Delivery {
  const at = new Date("2026-12-01T08:00:00.000Z");
  return {
    id,
    invoiceId: "bench",
    invoiceNumber: "BENCH-1",
    customerNumber: "BENCH",
    role: "main",
    round: 1,
    messageId,
    recipients: [],
    state: "accepted",
    attempts: 1,
    firstAttemptAt: at,
    nextAttemptAt: null,
    archive: null,
    lastReply: null,
    acceptedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/** Each file with the envelope recipient it is handled with: its delivery's VERP address for one in four. */
function prepare(files: readonly Buffer[]): {
  jobs: { raw: Buffer; to: string[] }[];
  deliveries: Delivery[];
} {
  const reader = createBounceReader([SECRET]);
  const byMessageId = new Map<string, Delivery>();
  const jobs = files.map((raw, i) => {
    const quoted = reader.read(raw).original.messageId.replace(/^<(.*)>$/, "$1");
    if (quoted === "") return { raw, to: [] };
    const known = byMessageId.get(quoted) ?? delivery(randomUUID(), quoted);
    byMessageId.set(quoted, known);
    return {
      raw,
      to: i % 4 === 0 ? [verpReturnPath(known.id, { secret: SECRET, bounceDomain: DOMAIN })] : [],
    };
  });
  return { jobs, deliveries: [...byMessageId.values()] };
}

async function seedSqlite(file: string, deliveries: readonly Delivery[]) {
  const database = createDatabase({ kind: "sqlite", file });
  await migrateToLatest(database.db);
  const at = new Date("2026-12-01T08:00:00.000Z");
  const recipientId = randomUUID();
  const invoiceId = randomUUID();
  await createStore(database.db).transaction(async (unit) => {
    await unit.upsertCustomer(buildCustomer("BENCH", { legalName: "Bench" }), at);
    await unit.insertRecipient(
      {
        id: recipientId,
        customerNumber: "BENCH",
        role: "invoice-mailbox",
        email: "x@bench.test",
        name: null,
        status: "active",
        statusReason: null,
      },
      at,
    );
    await unit.saveInvoices(
      [
        {
          record: {
            id: invoiceId,
            customerNumber: "BENCH",
            number: "BENCH-1",
            status: "issued",
            structuredCommunication: null,
            issuedAt: at.toISOString(),
            content: {
              kind: "invoice",
              issueDate: "2026-12-01",
              currency: "EUR",
              notes: [],
              precedingInvoices: [],
              lines: [],
              allowances: [],
              charges: [],
            },
          },
          figures: { lineCount: 0, taxExclusive: 0n, tax: 0n, payable: 0n },
          source: "bench",
        },
      ],
      at,
    );
  });
  await createDeliveryStore(database.db).transaction((unit) =>
    unit.createDeliveries(
      deliveries.map((d, i) => ({
        id: d.id,
        invoiceId,
        invoiceNumber: "BENCH-1",
        customerNumber: "BENCH",
        role: "main" as const,
        round: 1,
        target: `t${i}`,
        messageId: d.messageId,
        recipients: [{ recipientId, email: "x@bench.test", name: null }],
      })),
      at,
      "bench",
    ),
  );
  return database;
}

/** Times parse + classify + match over `passes` passes of the corpus; returns the lines to print. */
export async function matchBenchmark(
  files: readonly Buffer[],
  passes: number,
  measure: Measure,
  rate: (count: number, ms: number) => string,
): Promise<string[]> {
  const reader = createBounceReader([SECRET]);
  const { jobs, deliveries } = prepare(files);
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const byMessageId = new Map(deliveries.map((d) => [d.messageId, d]));
  const memory: Pick<BounceReaderStore, "hasDelivery" | "deliveryIdByMessageId"> = {
    hasDelivery: async (id) => byId.has(id),
    deliveryIdByMessageId: async (messageId) => byMessageId.get(messageId)?.id ?? null,
  };
  const lines: string[] = [];
  const run = async (store: typeof memory, label: string) => {
    const tally = { verp: 0, "message-id": 0, forged: 0, unmatched: 0 };
    const time = await measure(async () => {
      for (let pass = 0; pass < passes; pass++) {
        for (const job of jobs) {
          const notice = reader.read(job.raw);
          const match = await matchBounce({ store, reader }, notice, job.to, DOMAIN);
          tally[match.kind]++;
        }
      }
    });
    const count = jobs.length * passes;
    lines.push(
      `parse + classify + match (${label}): ${count} bounces in ${time.wall.toFixed(0)} ms wall, ${time.cpu.toFixed(0)} ms CPU = ${rate(count, time.wall)} bounces/s wall, ${rate(count, time.cpu)} bounces/s CPU; matched by VERP ${tally.verp / passes}, by Message-ID ${tally["message-id"] / passes}, unmatched ${tally.unmatched / passes}, forged ${tally.forged / passes} per pass`,
    );
  };
  await run(memory, "in-memory index");
  const dir = mkdtempSync(join(tmpdir(), "facteur-bench-"));
  const database = await seedSqlite(join(dir, "bench.sqlite"), deliveries);
  try {
    await run(createBounceStore(database.db), "SQLite lookups");
  } finally {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
