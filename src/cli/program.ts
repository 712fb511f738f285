import { Command } from "commander";
import { describeConfig } from "../app/config.ts";
import type { CliDeps } from "./cli-deps.ts";
import { archiveCommand } from "./commands/archive.ts";
import { auditCommand } from "./commands/audit.ts";
import { bouncesCommand } from "./commands/bounces.ts";
import { bounceIntakeCommands } from "./commands/bounces-intake.ts";
import { customersCommand } from "./commands/customers.ts";
import { deliveriesCommand } from "./commands/deliveries.ts";
import { dkimCommand } from "./commands/dkim.ts";
import { importCommand } from "./commands/import.ts";
import { invoicesCommand } from "./commands/invoices.ts";
import { peppolCommand } from "./commands/peppol.ts";
import { proofCommand } from "./commands/proof.ts";
import { queriesCommand } from "./commands/queries.ts";
import { renderCommand } from "./commands/render.ts";
import { sendCommand } from "./commands/send.ts";
import { undeliveredCommand } from "./commands/undelivered.ts";
import { validateCommand } from "./commands/validate.ts";
import { workerCommand } from "./commands/worker.ts";
import { openContext } from "./context.ts";
import { deliveryAdapters } from "./delivery-adapters.ts";
import { runAction } from "./run-action.ts";

export type { CliDeps };

/** Builds the `facteur` command with all its subcommands. */
export function createProgram(deps: CliDeps): Command {
  const { io } = deps;
  const program = new Command("facteur")
    .description("Issues invoices, delivers them electronically and proves what happened to each one.")
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command("config")
    .description("list every environment variable facteur reads, with its meaning")
    .action(() => {
      for (const line of describeConfig()) io.out(line);
    });

  program
    .command("init")
    .alias("migrate")
    .description("create the database (SQLite under FACTEUR_DATA_DIR, or DATABASE_URL) and apply migrations")
    .action(() =>
      runAction(io, async () => {
        const ctx = await openContext(deps.config);
        io.out(`database ready: ${ctx.where}`);
        await ctx.database.destroy();
        return 0;
      }),
    );

  program.addCommand(importCommand(deps));
  program.addCommand(customersCommand(deps));
  program.addCommand(invoicesCommand(deps));
  program.addCommand(auditCommand(deps));
  program.addCommand(validateCommand(deps.io));
  program.addCommand(renderCommand(deps));
  const bounces = bouncesCommand(deps.io);
  for (const sub of bounceIntakeCommands(deps)) bounces.addCommand(sub);
  program.addCommand(bounces);
  program.addCommand(undeliveredCommand(deps));
  program.addCommand(proofCommand(deps));
  program.addCommand(queriesCommand(deps));
  program.addCommand(dkimCommand(deps.io));
  program.addCommand(peppolCommand(deps.io, deps.config));
  const delivery = { ...deps, adapters: deliveryAdapters(deps.now) };
  for (const command of [sendCommand, workerCommand, deliveriesCommand, archiveCommand]) {
    program.addCommand(command(delivery));
  }
  return program;
}
