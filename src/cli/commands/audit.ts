import { Command } from "commander";
import { verifyAuditChain } from "../../app/verify-audit-chain.ts";
import type { CliDeps } from "../cli-deps.ts";
import { withStore } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { json } from "../format.ts";
import { runAction } from "../run-action.ts";

/** `facteur audit verify`: walks the hash chain and names the first broken record. */
export function auditCommand(deps: CliDeps): Command {
  const { io } = deps;
  const command = new Command("audit").description("the append-only, hash-chained audit log");
  command
    .command("verify")
    .description("check every record's hash and link; exit 1 naming the first broken record")
    .option("--json", "as JSON")
    .action((opts: { json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          const result = await verifyAuditChain({ auditChain: store });
          if (opts.json) io.out(json(result));
          else if (result.ok)
            io.out(`audit log intact: ${result.count} records, head ${result.headHash ?? "(empty)"}`);
          else io.err(`audit log BROKEN at record ${result.seq}: ${result.reason} (${result.detail})`);
          return result.ok ? EXIT.ok : EXIT.invalid;
        }),
      ),
    );
  return command;
}
