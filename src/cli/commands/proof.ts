import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { type DeliveryProofReport, proveDelivery } from "../../app/prove-delivery.ts";
import type { DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import { buildDeliveryProof } from "../../core/delivery/delivery-proof.ts";
import { statusSaidText } from "../../core/delivery/status-message-steps.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { statusWords } from "../../core/peppol/buyer-status.ts";
import { proofRenderer } from "../../documents/proof/render-proof-pdf.ts";
import { DEMO_NOTICE } from "../../mail/capture/demo-reply.ts";
import { createBounceStore } from "../../store/bounces/create-bounce-store.ts";
import { createCustomerQueryStore } from "../../store/customer-queries/create-customer-query-store.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { type CliContext, openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { isDemoDelivery } from "./demo-deliveries.ts";

/** A proof whose demo deliveries are marked, and whose invoice verdict rests only on real deliveries. */
interface ShownProof extends DeliveryProofReport {
  readonly demo?: { readonly notice: string; readonly deliveryIds: readonly string[] };
}

/**
 * Marks the messages that only went to the demo capture relay: each such recipient says so instead of a verdict,
 * and the invoice's verdict is built again from the real deliveries alone, so a demo never counts as delivered.
 */
async function withDemoMarked(
  db: CliContext["database"]["db"],
  proof: DeliveryProofReport,
  now: Date,
): Promise<ShownProof> {
  const store = createDeliveryStore(db);
  const deliveries = await store.deliveriesOfInvoice(proof.invoiceNumber);
  const timelines = new Map<string, readonly DeliveryEventRecord[]>();
  for (const d of deliveries) timelines.set(d.id, await store.timeline(d.id));
  const demo = new Set(deliveries.filter((d) => isDemoDelivery(d, timelines.get(d.id))).map((d) => d.id));
  if (demo.size === 0) return proof;
  const [first] = deliveries;
  const real = buildDeliveryProof({
    invoiceNumber: proof.invoiceNumber,
    customerNumber: proof.customerNumber,
    deliveries: deliveries.filter((d) => !demo.has(d.id)),
    timelines,
    statusMessages:
      first === undefined ? [] : await createCustomerQueryStore(db).statusMessagesOfInvoice(first.invoiceId),
    now,
  });
  const onlyDemo = real.recipients.every((r) => r.role !== "main");
  return {
    ...proof,
    verdict: real.verdict,
    confidence: real.confidence,
    explanation: onlyDemo ? `${DEMO_NOTICE}: this invoice was only sent in demo mode` : real.explanation,
    recipients: proof.recipients.map((r) =>
      demo.has(r.deliveryId)
        ? {
            ...r,
            demo: true,
            verdict: "unknown",
            confidence: "low",
            explanation: `${DEMO_NOTICE}: never left this machine`,
          }
        : r,
    ),
    demo: { notice: DEMO_NOTICE, deliveryIds: [...demo] },
  };
}

function printProof(io: Io, p: ShownProof): void {
  if (p.demo !== undefined)
    io.out(
      `${p.demo.notice.toUpperCase()}: ${p.demo.deliveryIds.length} message(s) of this invoice went to the demo capture relay only`,
    );
  io.out(
    `invoice ${p.invoiceNumber}, customer ${p.customerNumber}${p.customerName === "" ? "" : ` (${p.customerName})`}`,
  );
  io.out(`did the customer get it? ${p.verdict} (confidence: ${p.confidence})`);
  io.out(`  ${p.explanation}`);
  if (p.paperSentAt !== null) io.out(`  sent on paper ${p.paperSentAt.toISOString()}`);
  for (const r of p.recipients) {
    io.out("");
    const demo = p.demo?.deliveryIds.includes(r.deliveryId) === true;
    io.out(
      `${r.channel === "peppol" ? `Peppol ${r.email}` : r.email} (${r.role}, round ${r.round}): ${demo ? DEMO_NOTICE : `${r.verdict}, ${r.confidence}`}`,
    );
    io.out(
      `  ${r.channel === "peppol" ? "AS4 MessageId" : "Message-ID"} <${r.messageId}>${r.archive === null ? "" : `, archived sha256 ${r.archive.sha256} (${r.archive.size} bytes)`}`,
    );
    for (const s of r.steps) {
      io.out(`  ${s.at.toISOString()}  ${s.what}${s.detail === "" ? "" : `: ${s.detail}`}`);
    }
    io.out(`  => ${r.explanation}`);
  }
  if (p.statusMessages.length > 0) {
    io.out("");
    io.out("Peppol status messages received:");
    for (const m of p.statusMessages) {
      const said = statusSaidText(m);
      io.out(
        `  ${m.at.toISOString()}  ${m.what}${said === "" ? "" : `: ${said}`} (issued ${m.issued || "(no date)"}, from ${m.sender})`,
      );
    }
  }
  const b = p.buyerStatus;
  io.out("");
  io.out(
    b === null
      ? "buyer status: none (no Invoice Response received)"
      : `buyer status: ${statusWords(b.status)} (${b.responseCode}, Invoice Response ${b.responseId} issued ${b.issued || "(no date)"}, received ${b.receivedAt.toISOString()})${b.description === undefined ? "" : `: ${b.description}`}`,
  );
}

/**
 * `facteur proof INVOICE [--json | --pdf FILE]`: did the customer get the invoice? Per recipient the timeline with its
 * evidence, the archived message's hash, and a verdict with its confidence stated; as text, JSON, or a PDF for a
 * dispute. Exit code 0 whatever the verdict: the proof is the answer.
 */
export function proofCommand(deps: CliDeps): Command {
  const { io } = deps;
  return new Command("proof")
    .description(
      "did the customer get the invoice? the timeline per recipient, the evidence, and a verdict with its confidence",
    )
    .argument("<invoice>", "invoice number")
    .option("--json", "print JSON")
    .option("--pdf <file>", "write the proof as a PDF")
    .action((invoice: string, flags: { readonly json?: boolean; readonly pdf?: string }) =>
      runAction(io, async () => {
        if (flags.json === true && flags.pdf !== undefined)
          throw new AppError("invalid-input", "choose --json or --pdf, not both");
        const ctx = await openContext(deps.config);
        try {
          const now = deps.now();
          const proof = await withDemoMarked(
            ctx.database.db,
            await proveDelivery(
              {
                store: createBounceStore(ctx.database.db),
                statusMessages: createCustomerQueryStore(ctx.database.db),
                now: () => now,
              },
              invoice,
            ),
            now,
          );
          if (flags.pdf !== undefined && proof.demo !== undefined) {
            throw new AppError(
              "invalid-input",
              `invoice ${invoice} was sent in demo mode (${DEMO_NOTICE}); a PDF proof of delivery is not made for it`,
            );
          }
          if (flags.pdf !== undefined) {
            await writeFile(flags.pdf, await proofRenderer.pdf(proof));
            io.out(`${flags.pdf}: proof of delivery of ${invoice}: ${proof.verdict} (${proof.confidence})`);
          } else if (flags.json === true) io.out(JSON.stringify(proof, null, 2));
          else printProof(io, proof);
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
}
