/**
 * What refusing a stranger's AS4 message costs the receiver (issue 6): the sender's signature, chain and seat are
 * judged before any RSA-OAEP or AES-GCM work, so a message signed by a seat the AP CA did not issue is refused
 * without decrypting its payload. Per payload size, on one thread: CPU ms (process.cpuUsage) and wall ms per message
 * to refuse the stranger's message, and, as the in-run baseline, to open the same message from a trusted seat
 * (decryption, digest, gunzip, SBDH), with the ratio. Prints the load average.
 *   npx tsx bench/as4-refusal.ts [--count 20]
 */

import { buildAs4UserMessage } from "../src/documents/peppol/as4/build-as4-user-message.ts";
import { openAs4UserMessage } from "../src/documents/peppol/as4/open-as4-user-message.ts";
import {
  apTrust,
  seatOf,
  testInvoiceWithAttachmentXml,
  testUserMessageInput,
} from "../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki } from "../src/documents/peppol/testing/test-pki.ts";
import { loadAverage } from "./support/load-average.ts";

const AT = new Date("2026-11-28T12:00:00Z");
const countArg = process.argv.indexOf("--count");
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 20;

const pki = await createTestPki();
const options = {
  receiver: seatOf(pki.receiver),
  trust: apTrust(pki, AT),
  maxPayloadBytes: 64 * 1024 * 1024,
};

function built(attachmentBytes: number, sender: ReturnType<typeof seatOf>) {
  const message = buildAs4UserMessage(
    testUserMessageInput(pki, testInvoiceWithAttachmentXml(attachmentBytes), { sender, at: AT }),
  );
  if (!message.ok) throw new Error(message.error);
  return message.value;
}

async function measure(
  message: { contentType: string; body: Buffer },
  expected: "ok" | "EBMS:0101",
): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const opened = await openAs4UserMessage(message.contentType, message.body, options);
    const outcome = opened.ok ? "ok" : opened.error.code;
    if (outcome !== expected) throw new Error(`expected ${expected}, got ${outcome}`);
  }
  const wallMs = (performance.now() - start) / COUNT;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / COUNT, wallMs };
}

console.log(`load average ${loadAverage()}; ${COUNT} messages each`);
for (const bytes of [10_000, 1_000_000, 10_000_000]) {
  const trusted = built(bytes, seatOf(pki.sender));
  const stranger = built(bytes, seatOf(pki.smp));
  await measure(trusted, "ok");
  const baseline = await measure(trusted, "ok");
  const refusal = await measure(stranger, "EBMS:0101");
  console.log(
    `attachment ${bytes} B (message ${trusted.body.length} B): ` +
      `open trusted ${baseline.cpuMs.toFixed(2)} ms CPU / ${baseline.wallMs.toFixed(2)} ms wall; ` +
      `refuse stranger ${refusal.cpuMs.toFixed(2)} ms CPU / ${refusal.wallMs.toFixed(2)} ms wall; ` +
      `CPU ratio ${(refusal.cpuMs / baseline.cpuMs).toFixed(3)}`,
  );
}
