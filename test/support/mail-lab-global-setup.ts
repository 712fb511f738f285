import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";

const script = join(import.meta.dirname, "../../scripts/lab/mail-lab.sh");

/** Whether this run brought the lab up: a lab that was already up belongs to another run (or a person) and stays. */
let startedHere = false;

/**
 * Vitest global setup of the mail-lab project: installs Postfix and Dovecot when missing (apt-get, as root) and starts
 * the lab once for the whole run; tears it down afterwards so that nothing keeps running on the machine, unless it
 * was already up before the run (another test run or a benchmark is using it).
 */
export function setup(): void {
  startedHere = spawnSync("bash", [script, "status", "--quiet"], { stdio: "ignore" }).status !== 0;
  execFileSync("bash", [script, "ensure"], { stdio: "inherit", timeout: 600_000 });
}

export function teardown(): void {
  if (startedHere) execFileSync("bash", [script, "down"], { stdio: "inherit", timeout: 60_000 });
}
