/**
 * E-mail delivery benchmark (issue 4): sends N invoices end to end into the lab's Postfix relay and, in the same run,
 * measures Postfix's own load generator (`smtp-source`) pushing one of the same messages to the same relay.
 *
 *   npx tsx bench/send.ts [--invoices 10000] [--engine sqlite|postgres] [--pre-rendered]
 *                         [--workers 2] [--lanes 4] [--batch 32] [--concurrency 2] [--sessions W*L] [--keep]
 *                         [--profile DIR]   (V8 CPU profiles of the worker processes, under DIR/prepare and DIR/work)
 *
 * End to end: the invoices are saved as issued, `sendInvoices` queues one delivery and job each (the outbox), then
 * `--workers` worker processes run the worker loop (src/app/run-worker.ts), in the heap-bounded thread that `facteur
 * worker` runs in (bin/heap-bounded-thread.js), with the CLI's adapters: UBL + PDF
 * rendering, composition with a VERP return path, DKIM signing with a freshly generated RSA-2048 key, the local
 * archive (fsync), and submission over pooled SMTP connections to 127.0.0.1:25, each result committed before the next
 * submission of the lane. Recipients are on the lab's `sink.test` domain, which Postfix accepts, queues and discards.
 * --pre-rendered: the messages are first composed and archived (timed apart), so the timed run is the submission
 * path alone: claim, read the archived bytes back (hash checked), submit, record. It needs no second core for
 * rendering, so run it as one process with the same sessions (`--workers 1 --lanes 8`): on SQLite one process writes
 * at a time and each commit is an fsync, and one process groups more answers per commit without waiting for another
 * process's lock (measured 179 against 124 messages/s for 2 x 4 lanes, same machine and minute).
 * Figures: invoices/s over wall time (queueing and sending), CPU seconds per invoice of facteur's processes (and,
 * apart, of Postfix's daemons), the CPU per stage measured one message at a time on a sample, peak RSS per process,
 * and smtp-source's rate over as many sessions as there are lanes, with the ratio.
 * Targets on a 2-core machine: >= 100 invoices/s end to end; pre-rendered >= 30 % of smtp-source; peak RSS < 400 MB
 * at 100,000 invoices. Needs root for the mail lab (scripts/lab/mail-lab.sh ensure starts it).
 */
import { execFileSync, fork } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { sendInvoices } from "../src/app/send-invoices.ts";
import type { Delivery } from "../src/core/delivery/delivery.ts";
import { uuidV7 } from "../src/core/identifiers/uuid-v7.ts";
import { generateDkimKey } from "../src/mail/dkim/dkim-key.ts";
import { createDatabase, type DatabaseOptions } from "../src/store/create-database.ts";
import { createDeliveryStore } from "../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../src/store/migrate-to-latest.ts";
import { labConfig } from "../test/support/mail-lab.ts";
import { routeByPreference } from "../test/support/route-by-preference.ts";
import { benchConfig, benchDeps } from "./send/bench-deps.ts";
import type { ChildConfig, ChildReport } from "./send/child-config.ts";
import { seedInvoices } from "./send/seed-invoices.ts";
import { runSmtpSource } from "./send/smtp-source.ts";
import { profileStages } from "./send/stage-profile.ts";
import {
  cpuSecondsSince,
  machineBusySeconds,
  POSTFIX_DAEMONS,
  processCpuSeconds,
} from "./send/system-cpu.ts";

const { values: flags } = parseArgs({
  options: {
    invoices: { type: "string", default: "10000" },
    engine: { type: "string", default: "sqlite" },
    "pre-rendered": { type: "boolean", default: false },
    workers: { type: "string", default: "2" },
    lanes: { type: "string", default: "4" },
    batch: { type: "string", default: "32" },
    concurrency: { type: "string", default: "2" },
    sessions: { type: "string" },
    sample: { type: "string", default: "200" },
    "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
    keep: { type: "boolean", default: false },
    profile: { type: "string" },
  },
});

function whole(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

const invoices = whole("invoices", flags.invoices);
const workers = whole("workers", flags.workers);
const lanes = whole("lanes", flags.lanes);
const batch = whole("batch", flags.batch);
const concurrency = whole("concurrency", flags.concurrency);
const sessions = flags.sessions === undefined ? workers * lanes : whole("sessions", flags.sessions);
const sample = Math.min(invoices, whole("sample", flags.sample));
const preRendered = flags["pre-rendered"] === true;
if (flags.engine !== "sqlite" && flags.engine !== "postgres")
  throw new Error("--engine is sqlite or postgres");
const engine = flags.engine;

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
/** Both units: the target says MB, and RSS tools (ps, /proc) count in KiB, so MiB is what people compare with. */
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB (${(bytes / 1e6).toFixed(0)} MB)`;
const log = (line: string) => console.log(line);

execFileSync("bash", [fileURLToPath(new URL("../scripts/lab/mail-lab.sh", import.meta.url)), "ensure"], {
  stdio: "inherit",
});

const dir = mkdtempSync(join(tmpdir(), "facteur-bench-send-"));
const key = generateDkimKey("rsa-sha256");
writeFileSync(join(dir, "dkim.pem"), key.privateKeyPem, { mode: 0o600 });
const env: Record<string, string> = {
  FACTEUR_DATA_DIR: dir,
  FACTEUR_ARCHIVE_DIR: join(dir, "archive"),
  FACTEUR_SMTP_URL: `smtp://${labConfig.smtp.host}:${labConfig.smtp.port}`,
  FACTEUR_BOUNCE_DOMAIN: labConfig.bounceDomain,
  FACTEUR_VERP_SECRET: randomBytes(32).toString("hex"),
  FACTEUR_DKIM_DOMAIN: "demo-company.test",
  FACTEUR_DKIM_SELECTOR: "bench",
  FACTEUR_DKIM_KEY_FILE: join(dir, "dkim.pem"),
  FACTEUR_WORKER_LANES: String(lanes),
};
const config = benchConfig(env);
const schema = `bench_send_${process.pid}`;
const databaseOptions: DatabaseOptions =
  engine === "sqlite"
    ? { kind: "sqlite", file: join(dir, "facteur.sqlite") }
    : { kind: "postgres", url: flags["database-url"] ?? "", schema };
if (engine === "postgres") {
  const admin = createDatabase({ kind: "postgres", url: flags["database-url"] ?? "" });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.destroy();
}
const database = createDatabase(databaseOptions);
await migrateToLatest(database.db);
const store = createDeliveryStore(database.db);

log(
  `bench/send: ${invoices} invoices, ${engine}, ${preRendered ? "pre-rendered" : "end to end"}, ` +
    `${workers} worker process(es) x ${lanes} lane(s), batch ${batch}, concurrency ${concurrency}; data in ${dir}`,
);
let t = performance.now();
await seedInvoices(database.db, invoices, labConfig.sinkDomain);
log(
  `seeded ${invoices} issued invoices in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`,
);

/** Runs `workers` processes of worker-process.js in `mode` and waits for their reports. */
async function runChildren(
  mode: ChildConfig["mode"],
  count: number,
  onTick: () => Promise<void>,
): Promise<ChildReport[]> {
  const script = fileURLToPath(new URL("./send/worker-process.js", import.meta.url));
  const children = Array.from({ length: count }, (_, index) => {
    const child: ChildConfig = {
      mode,
      index,
      of: count,
      database: databaseOptions,
      env,
      lanes,
      batch,
      concurrency,
    };
    const proc = fork(script, [], {
      execArgv: flags.profile === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${flags.profile}/${mode}`],
      env: { ...process.env, BENCH_SEND_CHILD: JSON.stringify(child) },
    });
    return new Promise<ChildReport>((resolve, reject) => {
      let report: ChildReport | undefined;
      proc.on("message", (message) => {
        report = message as ChildReport;
      });
      proc.on("exit", (code) =>
        report === undefined ? reject(new Error(`a ${mode} process exited with ${code}`)) : resolve(report),
      );
    });
  });
  const ticker = setInterval(() => void onTick(), 2_000);
  try {
    return await Promise.all(children);
  } finally {
    clearInterval(ticker);
  }
}

const sendStart = performance.now();
const sendCpu = cpuSeconds();
const queued = await sendInvoices(
  {
    store,
    now: () => new Date(),
    newId: uuidV7,
    newMessageId: () => `${randomUUID()}@demo-company.test`,
    route: routeByPreference,
  },
  { selection: { kind: "unsent" }, actor: "cli:bench" },
);
const queueSeconds = (performance.now() - sendStart) / 1000;
const queueCpu = cpuSeconds() - sendCpu;
log(
  `queued ${queued.messages} message(s) for ${queued.invoices} invoices in ${queueSeconds.toFixed(1)} s ` +
    `(sendInvoices, ${((queueCpu / invoices) * 1000).toFixed(2)} ms CPU per invoice)`,
);

// The stage profile sends `sample` messages of its own (not recorded); the run below sends every delivery.
const page = await store.listDeliveries({ state: "queued", limit: Math.min(1000, sample) });
const parentDeps = benchDeps(config, database.db);
const stages = await profileStages(
  parentDeps,
  config,
  page.deliveries as Delivery[],
  join(dir, "stage-archive"),
  Math.min(20, Math.floor(page.deliveries.length / 4)),
);
await parentDeps.transport.close();

let prepareSeconds = 0;
if (preRendered) {
  t = performance.now();
  // Preparing is rendering: one process per core, whatever --workers says for the timed run.
  await runChildren("prepare", Math.max(2, workers), async () => {});
  prepareSeconds = (performance.now() - t) / 1000;
  log(
    `pre-rendered (composed, signed, archived) every message in ${prepareSeconds.toFixed(1)} s (not timed below)`,
  );
}

const postfixBefore = processCpuSeconds(POSTFIX_DAEMONS);
const busyBefore = machineBusySeconds();
const parentCpuBefore = cpuSeconds();
const runStart = performance.now();
const reports = await runChildren("work", workers, async () => {
  const jobs = await store.countJobs();
  const seconds = (performance.now() - runStart) / 1000;
  log(
    `  ${seconds.toFixed(0).padStart(4)} s  sent ${jobs.done}/${queued.messages}  ` +
      `${(jobs.done / seconds).toFixed(0)}/s  (queued ${jobs.queued}, running ${jobs.running}, parked ${jobs.parked})`,
  );
});
const runSeconds = (performance.now() - runStart) / 1000;
const parentCpu = cpuSeconds() - parentCpuBefore;
const postfixCpu = cpuSecondsSince(postfixBefore, POSTFIX_DAEMONS);
const busy = machineBusySeconds() - busyBefore;

const outcomes: Record<string, number> = {};
for (const report of reports)
  for (const [name, n] of Object.entries(report.outcomes)) outcomes[name] = (outcomes[name] ?? 0) + n;
const jobs = await store.countJobs();
const accepted = outcomes.accepted ?? 0;
const workerCpu = reports.reduce((sum, r) => sum + r.cpuSeconds, 0);
const peakChild = Math.max(...reports.map((r) => r.maxRssBytes));
const parentRss = process.resourceUsage().maxRSS * 1024;

// One of the messages the run archived (and sent), for smtp-source to push as is.
const one = (await store.listDeliveries({ state: "accepted", limit: 1 })).deliveries[0];
const raw = one?.archive ? await parentDeps.archive.get(one.archive.sha256) : null;
if (raw === null || one === undefined) throw new Error("no accepted delivery to give smtp-source");
const baseline = await runSmtpSource({
  raw,
  file: join(dir, "message.eml"),
  messages: Math.min(queued.messages, 20_000),
  sessions,
  from: one.archive?.envelopeFrom ?? "",
  to: one.recipients[0]?.email ?? `sink@${labConfig.sinkDomain}`,
  host: labConfig.smtp.host,
  port: labConfig.smtp.port,
});

const rate = accepted / runSeconds;
const e2eSeconds = runSeconds + (preRendered ? 0 : queueSeconds);
const perInvoiceMs = (seconds: number) => `${((seconds / invoices) * 1000).toFixed(2)} ms`;
const measuredStages =
  stages.dbRead + stages.render + stages.compose + stages.sign + stages.archive + stages.submit;
const workerMsPerMessage = (workerCpu / Math.max(1, accepted)) * 1000;
log("");
log(`outcomes: ${JSON.stringify(outcomes)}; jobs now ${JSON.stringify(jobs)}`);
if (preRendered) {
  log(
    `submission path (pre-rendered): ${accepted} messages in ${runSeconds.toFixed(1)} s = ${rate.toFixed(0)} messages/s`,
  );
} else {
  log(
    `end to end: ${invoices} invoices in ${e2eSeconds.toFixed(1)} s (queue ${queueSeconds.toFixed(1)} s + send ` +
      `${runSeconds.toFixed(1)} s) = ${(invoices / e2eSeconds).toFixed(0)} invoices/s; sending alone ${rate.toFixed(0)}/s`,
  );
}
log(
  `CPU per invoice: facteur ${perInvoiceMs(workerCpu + parentCpu + (preRendered ? 0 : queueCpu))} ` +
    `(workers ${perInvoiceMs(workerCpu)}, queueing ${preRendered ? "-" : perInvoiceMs(queueCpu)}), ` +
    `Postfix daemons >= ${perInvoiceMs(postfixCpu)}; machine busy ${(busy / runSeconds).toFixed(2)} of 2 cores during the run`,
);
log(
  `CPU per message by stage, measured one message at a time on a sample of ${stages.samples} (so the stages do not ` +
    `overlap): db reads ${stages.dbRead.toFixed(2)} ms, render UBL+PDF ${stages.render.toFixed(2)} ms, compose ` +
    `${stages.compose.toFixed(2)} ms, DKIM sign ${stages.sign.toFixed(2)} ms, archive ${stages.archive.toFixed(2)} ms, ` +
    `submit ${stages.submit.toFixed(2)} ms; sum ${measuredStages.toFixed(2)} ms. In the run, with db writes, claims ` +
    `and everything: ${workerMsPerMessage.toFixed(2)} ms per message`,
);
log(
  `peak RSS: worker processes ${reports.map((r) => mb(r.maxRssBytes)).join(", ")} (largest ${mb(peakChild)}); ` +
    `bench process ${mb(parentRss)}`,
);
log(
  `smtp-source: ${baseline.messages} x ${raw.length} bytes over ${baseline.sessions} sessions in ` +
    `${baseline.seconds.toFixed(1)} s = ${baseline.perSecond.toFixed(0)} messages/s (Postfix daemons >= ` +
    `${((baseline.postfixCpuSeconds / baseline.messages) * 1000).toFixed(2)} ms CPU per message)`,
);
log(
  `ratio: facteur ${preRendered ? "submission path" : "end to end"} / smtp-source = ${((rate / baseline.perSecond) * 100).toFixed(1)} %`,
);

await database.destroy();
if (engine === "postgres") {
  const admin = createDatabase({ kind: "postgres", url: flags["database-url"] ?? "" });
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.destroy();
}
if (flags.keep !== true) rmSync(dir, { recursive: true, force: true });
