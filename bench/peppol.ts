/**
 * Peppol AS4 benchmark (issue 6): messages built, signed and encrypted per second (SBDH + gzip + WS-Security
 * signature + AES-128-GCM/RSA-OAEP + MIME) and opened per second (MIME, decryption, signature, chain and CRL,
 * gunzip, SBDH), for 10-line and 1,000-line invoices, on worker threads (one per core by default). Prints wall
 * rates, CPU ms per message (process.cpuUsage, all threads) and the load average, then Apache Santuario's
 * per-message time for the same messages in the same run as the baseline (wall for decrypt + verify and for its
 * whole check, and the thread's CPU time for the whole check), with the ratio of CPU per message.
 *   npx tsx bench/peppol.ts [--small 2000] [--large 200] [--workers 2] [--santuario 300]
 * Target on 2 cores: >= 200 messages/s each way for 10-line invoices.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { tsxWorkerScript } from "../src/cli/tsx-worker-script.js";
import { buildAs4UserMessage } from "../src/documents/peppol/as4/build-as4-user-message.ts";
import { openAs4UserMessage } from "../src/documents/peppol/as4/open-as4-user-message.ts";
import { readPemCertificates } from "../src/documents/peppol/pki/read-pem-certificates.ts";
import {
  seatOf,
  testInvoiceXml,
  testUserMessageInput,
} from "../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki } from "../src/documents/peppol/testing/test-pki.ts";
import { compileSantuarioHarness, runSantuario } from "../test/peppol/santuario/santuario-harness.ts";
import { loadAverage } from "./support/load-average.ts";

const AT = new Date("2026-11-28T12:00:00Z");

interface Message {
  readonly contentType: string;
  readonly body: Uint8Array;
}

type Task =
  | { readonly kind: "build"; readonly lines: number; readonly count: number }
  | { readonly kind: "open"; readonly messages: readonly Message[] };

/** What a worker needs to act as both access points: the test PKI's PEM texts (keys cannot cross threads). */
interface Seats {
  readonly senderKey: string;
  readonly senderCert: string;
  readonly receiverKey: string;
  readonly receiverCert: string;
  readonly apCa: string;
  readonly crl: string;
}

function certificate(pem: string) {
  const read = readPemCertificates(pem);
  if (!read.ok || !read.value[0]) throw new Error("unreadable certificate");
  return read.value[0];
}

/** The worker side: builds or opens the messages it is given and posts back what it built (or the count). */
async function work(seats: Seats, task: Task): Promise<Message[] | number> {
  const entry = (key: string, cert: string) => ({
    privateKeyPem: key,
    certificatePem: cert,
    certificate: certificate(cert),
  });
  const sender = entry(seats.senderKey, seats.senderCert);
  const receiver = entry(seats.receiverKey, seats.receiverCert);
  const pki = { sender, receiver };
  if (task.kind === "build") {
    const payload = testInvoiceXml(task.lines);
    const seat = seatOf(sender);
    const built: Message[] = [];
    for (let i = 0; i < task.count; i++) {
      const message = buildAs4UserMessage(testUserMessageInput(pki, payload, { sender: seat, at: AT }));
      if (!message.ok) throw new Error(message.error);
      built.push({ contentType: message.value.contentType, body: message.value.body });
    }
    return built;
  }
  const apCa = certificate(seats.apCa);
  const options = {
    receiver: seatOf(receiver),
    trust: { trustAnchors: [apCa], at: AT, crls: [{ crl: seats.crl, issuer: apCa }] },
  };
  for (const message of task.messages) {
    const opened = await openAs4UserMessage(message.contentType, Buffer.from(message.body), options);
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.detail}`);
  }
  return task.messages.length;
}

if (!isMainThread) {
  const seats = workerData as Seats;
  parentPort?.on("message", (task: Task) => {
    work(seats, task).then(
      (result) => parentPort?.postMessage({ result }),
      (error: unknown) => parentPort?.postMessage({ error: String(error) }),
    );
  });
}

function run(worker: Worker, task: Task): Promise<Message[] | number> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: { result?: Message[] | number; error?: string }) =>
      reply.error === undefined ? resolve(reply.result ?? 0) : reject(new Error(reply.error)),
    );
    worker.postMessage(task);
  });
}

interface Phase {
  readonly rate: number;
  readonly cpuMsPerMessage: number;
}

async function timed<T>(count: number, action: () => Promise<T>): Promise<{ phase: Phase; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await action();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    phase: { rate: count / seconds, cpuMsPerMessage: (used.user + used.system) / 1000 / count },
    value,
  };
}

function split<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) => items.filter((_, index) => index % parts === i));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1] ?? fallback) : fallback;
  };
  const sizes = [
    { lines: 10, count: arg("--small", 2000) },
    { lines: 1000, count: arg("--large", 200) },
  ];
  const workerCount = arg("--workers", cpus().length);
  const santuarioSample = arg("--santuario", 300);
  const pki = await createTestPki();
  const seats: Seats = {
    senderKey: pki.sender.privateKeyPem,
    senderCert: pki.sender.certificatePem,
    receiverKey: pki.receiver.privateKeyPem,
    receiverCert: pki.receiver.certificatePem,
    apCa: pki.apCa.certificatePem,
    crl: pki.apCrlPem,
  };
  const boot = tsxWorkerScript(new URL(import.meta.url));
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(boot, { eval: true, workerData: seats }),
  );
  const classes = compileSantuarioHarness();
  const scratch = mkdtempSync(join(tmpdir(), "facteur-bench-peppol-"));
  writeFileSync(join(scratch, "key.pem"), pki.receiver.privateKeyPem);
  writeFileSync(join(scratch, "ca.pem"), pki.apCa.certificatePem);
  console.log(`${cpus().length} cores, ${workerCount} worker threads, load average ${loadAverage()}`);
  try {
    for (const { lines, count } of sizes) {
      const perWorker = split(
        Array.from({ length: count }, (_, i) => i),
        workerCount,
      ).map((part) => part.length);
      // One untimed round warms the JIT and each worker's CRL cache.
      const warm = (await Promise.all(workers.map((w) => run(w, { kind: "build", lines, count: 5 })))).flat();
      await Promise.all(workers.map((w) => run(w, { kind: "open", messages: warm as Message[] })));
      const build = await timed(count, () =>
        Promise.all(workers.map((w, i) => run(w, { kind: "build", lines, count: perWorker[i] ?? 0 }))),
      );
      const messages = build.value.flatMap((part) => (Array.isArray(part) ? part : []));
      const open = await timed(count, () =>
        Promise.all(
          split(messages, workerCount).map((part, i) =>
            run(workers[i] as Worker, { kind: "open", messages: part }),
          ),
        ),
      );
      const folder = mkdtempSync(join(scratch, `${lines}-`));
      const sample = messages.slice(0, Math.min(santuarioSample, messages.length));
      sample.forEach((message, i) => {
        writeFileSync(join(folder, `m${String(i).padStart(5, "0")}.bin`), message.body);
        writeFileSync(join(folder, `m${String(i).padStart(5, "0")}.type`), message.contentType);
      });
      const santuario = await runSantuario(
        classes,
        join(scratch, "key.pem"),
        join(scratch, "ca.pem"),
        folder,
      );
      if (santuario.exitCode !== 0) throw new Error(`Santuario refused messages:\n${santuario.output}`);
      // The first fifth runs while the JVM compiles; the rest is its steady state.
      const steady = santuario.results.slice(Math.floor(santuario.results.length / 5));
      const mean = (pick: (r: (typeof steady)[number]) => number) =>
        steady.reduce((sum, r) => sum + pick(r), 0) / steady.length / 1000;
      const decryptVerify = mean((r) => (r.decryptMicros ?? 0) + (r.verifyMicros ?? 0));
      const whole = mean((r) => r.totalMicros ?? 0);
      const wholeCpu = mean((r) => r.cpuMicros ?? 0);
      const kb = (messages[0]?.body.length ?? 0) / 1024;
      console.log(`\n${lines}-line invoices: ${count} messages of ${kb.toFixed(0)} KB`);
      console.log(
        `  built+signed+encrypted: ${build.phase.rate.toFixed(0)} msg/s wall, ${build.phase.cpuMsPerMessage.toFixed(2)} ms CPU/msg`,
      );
      console.log(
        `  opened (decrypt+verify+chain+CRL+gunzip+SBDH): ${open.phase.rate.toFixed(0)} msg/s wall, ${open.phase.cpuMsPerMessage.toFixed(2)} ms CPU/msg`,
      );
      console.log(
        `  Santuario (one thread, ${steady.length} msgs after warm-up): decrypt+verify ${decryptVerify.toFixed(2)} ms/msg wall, whole check ${whole.toFixed(2)} ms/msg wall, ${wholeCpu.toFixed(2)} ms/msg CPU (${(1000 / wholeCpu).toFixed(0)} msg/s per core)`,
      );
      console.log(
        `  ratio facteur open / Santuario whole check, CPU per message: ${(open.phase.cpuMsPerMessage / wholeCpu).toFixed(2)} (facteur also parses the whole SBDH payload; Santuario only the SOAP header)`,
      );
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    rmSync(scratch, { recursive: true, force: true });
    rmSync(classes, { recursive: true, force: true });
  }
  console.log(`\nload average after: ${loadAverage()}`);
}

if (isMainThread) await main();
