/**
 * Bounce parsing benchmark: `npx tsx bench/bounces.ts [passes]`.
 * Reads every message of the bounce corpus, then times several passes of classifyMailbox (parse and classify)
 * against the same passes of a bare mailparser simpleParser loop, in one thread, and prints both rates and their
 * ratio. Then it times parse + classify + match, the intake's work before any write: the bounce reader (classifier
 * and the notice's own headers) and matchBounce (VERP candidates checked by HMAC, then the quoted Message-ID looked
 * up), once against an in-memory index of deliveries and once against a real SQLite database holding a delivery for
 * every quoted Message-ID. Rates are given per second of wall time and per second of this process's CPU time: on a
 * shared machine the second is the one-core figure.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { classifyMailbox } from "../src/mail/bounce/classify-bounce.ts";
import { matchBenchmark } from "./bounce-matching.ts";

const corpus = join(process.cwd(), "..", "shared", "corpus", "bounces", "eml");
const passes = Math.max(1, Number(process.argv[2] ?? 5) || 5);

/** Wall and CPU milliseconds spent in `work`. */
async function measure(work: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  await work();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - wallStart, cpu: (cpu.user + cpu.system) / 1000 };
}

const rate = (count: number, ms: number): string => ((count / ms) * 1000).toFixed(0);

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`bounce corpus not found at ${corpus}; nothing to measure`);
    return;
  }
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => readFileSync(join(corpus, name)));
  const megabytes = files.reduce((sum, file) => sum + file.length, 0) / 1e6;
  const runs = files.length * passes;
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB, ${passes} passes each`);

  for (const file of files) classifyMailbox(file);
  let messages = 0;
  let results = 0;
  const ours = await measure(() => {
    for (let pass = 0; pass < passes; pass++) {
      for (const file of files) {
        for (const report of classifyMailbox(file)) {
          messages++;
          results += report.results.length;
        }
      }
    }
  });

  for (const file of files.slice(0, 20)) await simpleParser(file);
  const bare = await measure(async () => {
    for (let pass = 0; pass < passes; pass++) for (const file of files) await simpleParser(file);
  });

  console.log(
    `parse + classify: ${messages} bounces (${results} results) in ${ours.wall.toFixed(0)} ms wall, ${ours.cpu.toFixed(0)} ms CPU = ${rate(messages, ours.wall)} bounces/s wall, ${rate(messages, ours.cpu)} bounces/s CPU`,
  );
  console.log(
    `bare simpleParser: ${runs} files in ${bare.wall.toFixed(0)} ms wall, ${bare.cpu.toFixed(0)} ms CPU = ${rate(runs, bare.wall)} files/s wall, ${rate(runs, bare.cpu)} files/s CPU`,
  );
  const ratio = (bare.cpu / ours.cpu) * 100;
  console.log(
    `ratio: ${ratio.toFixed(0)}% of the bare parse rate, file for file on CPU time (target >= 50%)`,
  );
  const perCore = (messages / ours.cpu) * 1000;
  console.log(
    `target >= 1,000 bounces/s on one core: ${perCore >= 1000 ? "met" : "NOT met"} (${perCore.toFixed(0)}/s)`,
  );
  for (const line of await matchBenchmark(files, passes, measure, rate)) console.log(line);
}

await main();
