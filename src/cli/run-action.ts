import { AppError, formatInputIssue } from "../core/errors/app-error.ts";
import { EXIT, exitCodeOf } from "./exit-codes.ts";
import type { Io } from "./io.ts";

/**
 * Runs a command action and turns its outcome into an exit code: the action's own code, or the code of the AppError
 * it threw, printed with every input issue. Unknown errors print a short message (the stack only with
 * FACTEUR_DEBUG-style verbosity, which the caller decides) and exit 70.
 */
export async function runAction(
  io: Io,
  action: () => Promise<number | undefined>,
  verbose = false,
): Promise<void> {
  try {
    const code = await action();
    if (code !== undefined && code !== EXIT.ok) process.exitCode = code;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`error: ${error.message}`);
      const shown = error.issues.slice(0, 200);
      for (const issue of shown) io.err(`  ${formatInputIssue(issue)}`);
      if (error.issues.length > shown.length) io.err(`  ... and ${error.issues.length - shown.length} more`);
      process.exitCode = exitCodeOf(error.code);
      return;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (verbose && error instanceof Error && error.stack) io.err(error.stack);
    process.exitCode = EXIT.internal;
  }
}
