import { Command } from "commander";
import { type Config, describeConfig } from "../app/config.ts";
import { openContext } from "./context.ts";
import type { Io } from "./io.ts";
import { runAction } from "./run-action.ts";

/** Everything the commands need from the process, passed in so that tests can run the CLI in-process. */
export interface CliDeps {
  readonly io: Io;
  readonly config: Config;
  /** The clock, so that tests can fix time. */
  readonly now: () => Date;
}

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

  return program;
}
