/**
 * Import benchmark (issue 2): 100,000 invoices of 5 lines from CSV, on SQLite and on PostgreSQL, each engine in its
 * own child process so that its peak RSS is its own. Prints invoices/s (wall), CPU µs per invoice, peak RSS and the
 * load average, and as a baseline measured in the same run the rate and CPU cost of reading the same file with
 * csv-parse alone (no validation, no database), with the ratios.
 *   npx tsx bench/import.ts [--invoices N] [--engines sqlite,postgres] [--thread auto|on|off]
 * Targets: SQLite >= 20,000 invoices/s, PostgreSQL >= 5,000 invoices/s, peak RSS < 300 MB.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import pg from "pg";
import { parseConfig } from "../src/app/config.ts";
import { importCustomers } from "../src/app/import-customers.ts";
import { sellerFromConfig } from "../src/app/seller-from-config.ts";
import { importInvoiceFile } from "../src/cli/invoice-import/import-invoice-file.ts";
import { uuidV7 } from "../src/core/identifiers/uuid-v7.ts";
import { readCustomerRecords } from "../src/imports/read-customer-records.ts";
import { createDatabase, type DatabaseOptions } from "../src/store/create-database.ts";
import { createStore } from "../src/store/create-store.ts";
import { migrateToLatest } from "../src/store/migrate-to-latest.ts";
import { loadAverage } from "./support/load-average.ts";
import { threadCpuUs, threadTicks } from "./support/thread-cpu.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const INVOICES = Number(arg("--invoices", "100000"));
/** Where the validation runs: "auto" (by file size, as the CLI does), "on" (a worker thread) or "off" (one thread). */
const THREAD = arg("--thread", "auto");
const CUSTOMERS = 1000;
const config = parseConfig({});
const seller = config.ok ? sellerFromConfig(config.value) : undefined;
if (!seller?.ok) throw new Error("the default seller configuration is invalid");
const SELLER = seller.value;
const PG_URL = process.env.FACTEUR_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines)
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function* customerRows(): Generator<string> {
  yield "customer_number,legal_name,language,country,invoice_mailbox\n";
  for (let c = 1; c <= CUSTOMERS; c++) yield `C${c},Customer ${c} SRL,fr,BE,invoices@customer${c}.test\n`;
}

function* invoiceRows(): Generator<string> {
  yield "invoice_number,customer_number,issue_date,item_name,quantity,unit_code,unit_price,vat_category,vat_rate\n";
  for (let i = 1; i <= INVOICES; i++) {
    for (let l = 1; l <= 5; l++) {
      yield `B-${i},C${(i % CUSTOMERS) + 1},2026-11-01,Item ${l},${l},C62,${(i % 997) + 0.25},S,21\n`;
    }
  }
}

/** The child: one engine, one import, figures as one JSON line. */
async function child(
  engine: "sqlite" | "postgres",
  customersFile: string,
  invoicesFile: string,
  dir: string,
) {
  let options: DatabaseOptions;
  let schema: string | undefined;
  if (engine === "sqlite") options = { kind: "sqlite", file: join(dir, `bench-${randomUUID()}.sqlite`) };
  else {
    schema = `bench_${randomUUID().replaceAll("-", "")}`;
    const client = new pg.Client(PG_URL);
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    options = { kind: "postgres", url: PG_URL, schema };
  }
  const database = createDatabase(options);
  try {
    await migrateToLatest(database.db);
    const store = createStore(database.db);
    const deps = {
      store,
      now: () => new Date(),
      newId: uuidV7,
      seller: SELLER,
    };
    const actor = { kind: "system" as const, id: "bench" };
    await importCustomers(deps, {
      records: readCustomerRecords(customersFile),
      source: "customers.csv",
      actor,
    });
    const startMb = process.memoryUsage().rss / 2 ** 20;
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const threadsBefore = threadTicks();
    const report = await importInvoiceFile(deps, {
      path: invoicesFile,
      actor,
      ...(THREAD === "auto" ? {} : { thread: THREAD === "on" }),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const threads = threadCpuUs(threadsBefore, threadTicks());
    const liveUs = [...threads.values()].reduce((sum, t) => sum + t.us, 0);
    const liveOtherUs = liveUs - (threads.get(String(process.pid))?.us ?? 0);
    if (!report.committed || report.created !== INVOICES)
      throw new Error(`import failed: ${JSON.stringify({ ...report, issues: report.issues.slice(0, 3) })}`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      `${JSON.stringify({
        engine,
        seconds,
        rate: INVOICES / seconds,
        cpuUs: (cpu.user + cpu.system) / INVOICES,
        mainUs: (threads.get(String(process.pid))?.us ?? 0) / INVOICES,
        otherUs: liveOtherUs / INVOICES,
        // A thread that ended (the import's validation thread) has left /proc, but its time is in cpuUsage().
        endedUs: Math.max(0, cpu.user + cpu.system - liveUs) / INVOICES,
        peakMb,
        startMb,
      })}\n`,
    );
  } finally {
    await database.destroy();
    if (schema) {
      const client = new pg.Client(PG_URL);
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
  }
}

/** Reading the file with csv-parse alone: invoices/s (wall) and CPU µs per invoice. */
async function baseline(invoicesFile: string): Promise<{ rate: number; cpuUs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let rows = 0;
  for await (const _ of createReadStream(invoicesFile).pipe(parse({ bom: true }))) rows++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  if (rows !== INVOICES * 5 + 1) throw new Error(`baseline read ${rows} rows`);
  return { rate: INVOICES / seconds, cpuUs: (cpu.user + cpu.system) / INVOICES };
}

async function main() {
  if (args[0] === "--child") {
    await child(args[1] as "sqlite" | "postgres", args[2] ?? "", args[3] ?? "", args[4] ?? "");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "facteur-bench-import-"));
  try {
    const customersFile = join(dir, "customers.csv");
    const invoicesFile = join(dir, "invoices.csv");
    await write(customersFile, customerRows());
    await write(invoicesFile, invoiceRows());
    const base = await baseline(invoicesFile);
    console.log(
      `import benchmark: ${INVOICES} invoices x 5 lines, CSV; ${cpus().length} CPUs, load ${loadAverage()}`,
    );
    console.log(
      `baseline: csv-parse alone reads ${Math.round(base.rate)} invoices/s, CPU ${base.cpuUs.toFixed(1)} µs/invoice`,
    );
    for (const engine of arg("--engines", "sqlite,postgres").split(",")) {
      const out = execFileSync(
        process.execPath,
        [
          ...process.execArgv,
          process.argv[1] ?? "",
          "--child",
          engine,
          customersFile,
          invoicesFile,
          dir,
          "--invoices",
          String(INVOICES),
          "--thread",
          THREAD,
        ],
        {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        },
      );
      const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
        rate: number;
        cpuUs: number;
        mainUs: number;
        otherUs: number;
        endedUs: number;
        peakMb: number;
        startMb: number;
        seconds: number;
      };
      const target = engine === "sqlite" ? 20_000 : 5_000;
      // On a shared machine wall time depends on the others' load; CPU time per invoice does much less, and
      // 1e6 / cpuUs is the rate one core would give (the database server not counted). A large file is validated in
      // a worker thread beside the importing thread, which then only writes: on two cores the rate is bounded by the
      // busier of the two. "Other threads" are mostly V8's garbage collection helpers (Linux only; 0 elsewhere),
      // which share the same two cores.
      console.log(
        `${engine}: ${Math.round(r.rate)} invoices/s wall (${r.seconds.toFixed(1)} s), ` +
          `CPU ${Math.round(r.cpuUs)} µs/invoice (${Math.round(1e6 / r.cpuUs)}/s on a free core; ` +
          `importing thread ${Math.round(r.mainUs)}, validation thread ${Math.round(r.endedUs)}, ` +
          `other threads ${Math.round(r.otherUs)}), ` +
          `peak RSS ${Math.round(r.peakMb)} MB (${Math.round(r.startMb)} MB before the import); ` +
          `${(r.rate / base.rate).toFixed(3)}x of bare parsing wall, ${(base.cpuUs / r.cpuUs).toFixed(3)}x in CPU; ` +
          `target >= ${target}/s and < 300 MB: ${r.rate >= target && r.peakMb < 300 ? "met" : "NOT met"}; load ${loadAverage()}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
