import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { type DeliveryProofReport, proveDelivery } from "../../app/prove-delivery.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { proofRenderer } from "../../documents/proof/render-proof-pdf.ts";
import { createBounceStore } from "../../store/bounces/create-bounce-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";

function printProof(io: Io, p: DeliveryProofReport): void {
  io.out(
    `invoice ${p.invoiceNumber}, customer ${p.customerNumber}${p.customerName === "" ? "" : ` (${p.customerName})`}`,
  );
  io.out(`did the customer get it? ${p.verdict} (confidence: ${p.confidence})`);
  io.out(`  ${p.explanation}`);
  if (p.paperSentAt !== null) io.out(`  sent on paper ${p.paperSentAt.toISOString()}`);
  for (const r of p.recipients) {
    io.out("");
    io.out(`${r.email} (${r.role}, round ${r.round}): ${r.verdict}, ${r.confidence}`);
    io.out(
      `  Message-ID <${r.messageId}>${r.archive === null ? "" : `, archived sha256 ${r.archive.sha256} (${r.archive.size} bytes)`}`,
    );
    for (const s of r.steps) {
      io.out(`  ${s.at.toISOString()}  ${s.what}${s.detail === "" ? "" : `: ${s.detail}`}`);
    }
    io.out(`  => ${r.explanation}`);
  }
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
          const proof = await proveDelivery(
            { store: createBounceStore(ctx.database.db), now: deps.now },
            invoice,
          );
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
