/**
 * Bounce parsing benchmark: `npx tsx bench/bounces.ts [passes]`.
 * Reads every message of the bounce corpus, then times several passes of classifyMailbox (parse and classify)
 * against the same passes of a bare mailparser simpleParser loop, on one core, and prints both rates and their ratio.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { classifyMailbox } from "../src/mail/bounce/classify-bounce.ts";

const corpus = join(process.cwd(), "..", "shared", "corpus", "bounces", "eml");
const passes = Math.max(1, Number(process.argv[2] ?? 5) || 5);

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`bounce corpus not found at ${corpus}; nothing to measure`);
    return;
  }
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => readFileSync(join(corpus, name)));
  const megabytes = files.reduce((sum, file) => sum + file.length, 0) / 1e6;
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB, ${passes} passes each`);

  for (const file of files) classifyMailbox(file);
  let messages = 0;
  let results = 0;
  let started = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const file of files) {
      for (const report of classifyMailbox(file)) {
        messages++;
        results += report.results.length;
      }
    }
  }
  const classifyMs = performance.now() - started;
  const classifyRate = (messages / classifyMs) * 1000;
  const classifyFileRate = ((files.length * passes) / classifyMs) * 1000;

  for (const file of files.slice(0, 20)) await simpleParser(file);
  started = performance.now();
  for (let pass = 0; pass < passes; pass++) for (const file of files) await simpleParser(file);
  const parseMs = performance.now() - started;
  const parseRate = ((files.length * passes) / parseMs) * 1000;

  console.log(
    `parse + classify: ${messages} bounces (${results} results) in ${classifyMs.toFixed(0)} ms = ${classifyRate.toFixed(0)} bounces/s`,
  );
  console.log(
    `bare simpleParser: ${files.length * passes} files in ${parseMs.toFixed(0)} ms = ${parseRate.toFixed(0)} files/s`,
  );
  console.log(
    `ratio: ${((classifyFileRate / parseRate) * 100).toFixed(0)}% of the bare parse rate, file for file (target >= 50%)`,
  );
  console.log(`target >= 1,000 bounces/s: ${classifyRate >= 1000 ? "met" : "NOT met"}`);
  console.log(
    "matching to deliveries: not measured; bounce matching (VERP token, Message-ID) does not exist yet.",
  );
}

await main();
