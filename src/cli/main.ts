import { userInfo } from "node:os";
import { CommanderError } from "commander";
import { parseConfig } from "../app/config.ts";
import { formatInputIssue } from "../core/errors/app-error.ts";
import { uuidV7 } from "../core/identifiers/uuid-v7.ts";
import { EXIT } from "./exit-codes.ts";
import { processIo } from "./io.ts";
import { createProgram } from "./program.ts";

/** The `facteur` executable: the only place that reads process.env and may exit the process. */
async function main(): Promise<number> {
  const config = parseConfig(process.env);
  if (!config.ok) {
    processIo.err("error: the configuration is invalid (see `facteur config`):");
    for (const issue of config.error) processIo.err(`  ${formatInputIssue(issue)}`);
    return EXIT.config;
  }
  const program = (
    await createProgram(
      {
        io: processIo,
        config: config.value,
        now: () => new Date(),
        actor: { kind: "cli", id: userInfo().username },
        newId: uuidV7,
      },
      process.argv,
    )
  ).exitOverride();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    processIo.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(EXIT.internal);
  },
);
