import { Command } from "commander";
import { describeConfig } from "../app/config.ts";
import type { CliDeps } from "./cli-deps.ts";
import { openContext } from "./context.ts";
import { runAction } from "./run-action.ts";

export type { CliDeps };

/** Builds the subcommands that one top-level name stands for. */
type CommandLoader = (deps: CliDeps) => Promise<readonly Command[]>;

/** The CLI's adapters for the commands that deliver (relay transport, composer, renderer). */
async function withDeliveryAdapters(deps: CliDeps) {
  const { deliveryAdapters } = await import("./delivery-adapters.ts");
  return { ...deps, adapters: deliveryAdapters(deps.now) };
}

/**
 * The top-level commands, in the order help lists them, each loaded on demand: loading every command's modules
 * (PDF rendering, the EN 16931 rules, Peppol, both database drivers) took 216 MB and seconds before any work, and an
 * import or a worker needs only its own.
 */
const COMMANDS: Readonly<Record<string, CommandLoader>> = {
  import: async (deps) => [(await import("./commands/import.ts")).importCommand(deps)],
  customers: async (deps) => [(await import("./commands/customers.ts")).customersCommand(deps)],
  invoices: async (deps) => [(await import("./commands/invoices.ts")).invoicesCommand(deps)],
  audit: async (deps) => [(await import("./commands/audit.ts")).auditCommand(deps)],
  validate: async (deps) => [(await import("./commands/validate.ts")).validateCommand(deps.io)],
  render: async (deps) => [(await import("./commands/render.ts")).renderCommand(deps)],
  bounces: async (deps) => {
    const [{ bouncesCommand }, { bounceIntakeCommands }] = await Promise.all([
      import("./commands/bounces.ts"),
      import("./commands/bounces-intake.ts"),
    ]);
    const bounces = bouncesCommand(deps.io);
    for (const sub of bounceIntakeCommands(deps)) bounces.addCommand(sub);
    return [bounces];
  },
  undelivered: async (deps) => [(await import("./commands/undelivered.ts")).undeliveredCommand(deps)],
  proof: async (deps) => [(await import("./commands/proof.ts")).proofCommand(deps)],
  queries: async (deps) => [(await import("./commands/queries.ts")).queriesCommand(deps)],
  dkim: async (deps) => [(await import("./commands/dkim.ts")).dkimCommand(deps.io)],
  peppol: async (deps) => [(await import("./commands/peppol.ts")).peppolCommand(deps.io, deps.config)],
  send: async (deps) => [(await import("./commands/send.ts")).sendCommand(await withDeliveryAdapters(deps))],
  worker: async (deps) => [
    (await import("./commands/worker.ts")).workerCommand(await withDeliveryAdapters(deps)),
  ],
  deliveries: async (deps) => [
    (await import("./commands/deliveries.ts")).deliveriesCommand(await withDeliveryAdapters(deps)),
  ],
  archive: async (deps) => [
    (await import("./commands/archive.ts")).archiveCommand(await withDeliveryAdapters(deps)),
  ],
};

/**
 * Builds the `facteur` command for the arguments `argv` (as in process.argv): with the one top-level command they
 * name, or with all of them for help, a mistyped name, or no name at all.
 */
export async function createProgram(deps: CliDeps, argv: readonly string[]): Promise<Command> {
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

  const named = argv[2];
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const loaded = await Promise.all(wanted.map((name) => (COMMANDS[name] as CommandLoader)(deps)));
  for (const command of loaded.flat()) program.addCommand(command);
  return program;
}
