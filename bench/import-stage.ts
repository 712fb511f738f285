/**
 * Validation-stage benchmark (issue 2): the part of an invoice import that turns CSV bytes into validated invoices
 * ready to be saved, without a database: read records -> parseRecord -> invoiceContentOf, dueDateFor, computeTotals,
 * buildInvoiceDocument -> documentValidator.validate. Same file as bench/import.ts (invoices of 5 lines, 1,000
 * customers). Each step runs in its own child process, cumulatively (each step includes the ones before it), so that
 * its CPU time, garbage collection included, and its peak RSS are its own:
 *   csv       csv-parse alone on the file (the baseline of bench/import.ts)
 *   read      readInvoiceRecords: the records as the import sees them
 *   parse     + parseRecord with the invoice input schema (zod)
 *   build     + invoiceContentOf, dueDateFor, computeTotals, the OGM, buildInvoiceDocument
 *   validate  + documentValidator.validate and blockingFindings: the whole stage
 * Prints CPU µs per invoice (process.cpuUsage: every thread, V8's GC helpers included), the importing thread's share
 * (Linux /proc), peak RSS, the load average, and each step's ratio to csv-parse alone measured in the same run.
 *   npx tsx bench/import-stage.ts [--invoices 20000,100000] [--steps csv,read,parse,build,validate]
 *     [--node-flags "--max-semi-space-size=32"]   V8 flags for the children, e.g. a larger young generation (a worker
 *                                                 thread takes it as resourceLimits.maxYoungGenerationSizeMb)
 * Target: the whole stage <= ~50 µs CPU per invoice, so that it keeps pace with 20,000 invoices/s on one core.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { blockingFindings } from "../src/app/blocking-findings.ts";
import { parseConfig } from "../src/app/config.ts";
import { parseRecord } from "../src/app/parse-record.ts";
import { sellerFromConfig } from "../src/app/seller-from-config.ts";
import type { Customer } from "../src/core/customer/customer.ts";
import { generateOgm } from "../src/core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../src/core/invoice/build-invoice-document.ts";
import { computeTotals } from "../src/core/invoice/compute-totals.ts";
import { dueDateFor } from "../src/core/invoice/due-date.ts";
import { SeenNumbers } from "../src/core/invoice/seen-numbers.ts";
import { toMinorUnits } from "../src/core/money/minor-units.ts";
import { invoiceContentOf, invoiceInputSchema } from "../src/core/schemas/invoice-input.ts";
import { documentValidator } from "../src/documents/document-validator.ts";
import { readInvoiceRecords } from "../src/imports/read-invoice-records.ts";
import { buildCustomer } from "../test/support/build-customer.ts";
import { loadAverage } from "./support/load-average.ts";
import { threadCpuUs, threadTicks } from "./support/thread-cpu.ts";

const STEPS = ["csv", "read", "parse", "build", "validate"] as const;
type Step = (typeof STEPS)[number];

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const CUSTOMERS = 1000;

/** The customers of bench/import.ts's customer file, as importCustomers stores them (defaults: e-mail, 30 days). */
const customers = new Map<string, Customer>();
for (let c = 1; c <= CUSTOMERS; c++)
  customers.set(`C${c}`, buildCustomer(`C${c}`, { legalName: `Customer ${c} SRL` }));

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines)
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** The invoice file of bench/import.ts. */
function* invoiceRows(invoices: number): Generator<string> {
  yield "invoice_number,customer_number,issue_date,item_name,quantity,unit_code,unit_price,vat_category,vat_rate\n";
  for (let i = 1; i <= invoices; i++) {
    for (let l = 1; l <= 5; l++) {
      yield `B-${i},C${(i % CUSTOMERS) + 1},2026-11-01,Item ${l},${l},C62,${(i % 997) + 0.25},S,21\n`;
    }
  }
}

/** Runs one step over the file; returns how many invoices (or, for csv, rows) it went through. */
async function runStep(step: Step, file: string): Promise<number> {
  if (step === "csv") {
    let rows = 0;
    for await (const _ of createReadStream(file).pipe(parse({ bom: true }))) rows++;
    return rows;
  }
  const seller = parseConfig({});
  const sellerProfile = seller.ok ? sellerFromConfig(seller.value) : undefined;
  if (!sellerProfile?.ok) throw new Error("the default seller configuration is invalid");
  const seen = new SeenNumbers();
  let ogmBase = 1n;
  let count = 0;
  let payable = 0n;
  for await (const record of readInvoiceRecords(file)) {
    count++;
    if (step === "read") continue;
    const parsed = parseRecord(invoiceInputSchema, record);
    if (!parsed.ok) throw new Error(`invalid record: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    const input = parsed.value;
    if (!seen.add(input.number)) throw new Error(`invoice number ${input.number} twice`);
    if (step === "parse") continue;
    const customer = customers.get(input.customer);
    if (!customer) throw new Error(`unknown customer ${input.customer}`);
    const content = invoiceContentOf(
      input,
      input.dueDate ? undefined : dueDateFor(input.issueDate, customer.paymentTermsDays),
    );
    const amounts = computeTotals(content);
    const ogm = generateOgm(ogmBase++);
    if (!ogm.ok) throw new Error(ogm.error.message);
    const document = buildInvoiceDocument(content, {
      number: input.number,
      seller: sellerProfile.value,
      buyer: customer,
      amounts,
      structuredCommunication: ogm.value,
    });
    payable += toMinorUnits(amounts.totals.payable);
    if (step === "build") continue;
    const blocking = blockingFindings(documentValidator.validate(document), customer.preferredChannel);
    if (blocking.length) throw new Error(`invoice ${input.number}: ${JSON.stringify(blocking.slice(0, 3))}`);
  }
  if (step !== "read" && step !== "parse" && payable <= 0n) throw new Error("no amounts computed");
  return count;
}

/** The child: one step over the file, its figures as one JSON line. */
async function child(step: Step, file: string, invoices: number) {
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadTicks();
  const started = process.hrtime.bigint();
  const count = await runStep(step, file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const threads = threadCpuUs(threadsBefore, threadTicks());
  const expected = step === "csv" ? invoices * 5 + 1 : invoices;
  if (count !== expected) throw new Error(`${step} went through ${count}, expected ${expected}`);
  const mainUs = threads.get(String(process.pid))?.us ?? 0;
  const allUs = [...threads.values()].reduce((sum, t) => sum + t.us, 0);
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      cpuUs: (cpu.user + cpu.system) / invoices,
      mainUs: mainUs / invoices,
      otherUs: (allUs - mainUs) / invoices,
      peakMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

async function main() {
  if (args[0] === "--child") {
    await child(args[1] as Step, args[2] ?? "", Number(args[3]));
    return;
  }
  const sizes = arg("--invoices", "20000,100000").split(",").map(Number);
  const steps = arg("--steps", STEPS.join(",")).split(",") as Step[];
  const nodeFlags = arg("--node-flags", "").split(" ").filter(Boolean);
  for (const step of steps) if (!STEPS.includes(step)) throw new Error(`unknown step ${step}`);
  console.log(
    `import stage benchmark: invoices x 5 lines, CSV, no database; ${cpus().length} CPUs, load ${loadAverage()}` +
      (nodeFlags.length ? `; node ${nodeFlags.join(" ")}` : ""),
  );
  const dir = mkdtempSync(join(tmpdir(), "facteur-bench-stage-"));
  try {
    for (const invoices of sizes) {
      const file = join(dir, `invoices-${invoices}.csv`);
      await write(file, invoiceRows(invoices));
      let baseline: number | undefined;
      for (const step of ["csv", ...steps.filter((s) => s !== "csv")] as Step[]) {
        const out = execFileSync(
          process.execPath,
          [...nodeFlags, ...process.execArgv, process.argv[1] ?? "", "--child", step, file, String(invoices)],
          { encoding: "utf8", maxBuffer: 1 << 20 },
        );
        const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
          seconds: number;
          cpuUs: number;
          mainUs: number;
          otherUs: number;
          peakMb: number;
        };
        baseline ??= r.cpuUs;
        if (step === "csv" && !steps.includes("csv")) continue;
        console.log(
          `${String(invoices).padStart(6)} ${step.padEnd(8)} CPU ${r.cpuUs.toFixed(1).padStart(6)} µs/invoice ` +
            `(importing thread ${r.mainUs.toFixed(0)}, other threads ${r.otherUs.toFixed(0)}), ` +
            `${(r.cpuUs / baseline).toFixed(2)}x csv-parse alone, ${Math.round(invoices / r.seconds)} invoices/s wall, ` +
            `peak RSS ${Math.round(r.peakMb)} MB; load ${loadAverage()}`,
        );
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
