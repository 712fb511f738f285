import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);

/** What one run of the command did. */
export interface FacteurRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `facteur` executable (bin/facteur.js, as a user would) from the repository root with only PATH and
 * `env` in its environment, so that nothing of the test process's FACTEUR_* settings leaks in. Resolves with the exit
 * code and output whether it succeeds or not.
 */
export async function runFacteur(
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<FacteurRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "bin/facteur.js"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
