import { execFileSync } from "node:child_process";
import { join } from "node:path";

const script = join(import.meta.dirname, "../../scripts/lab/mail-lab.sh");

/**
 * Vitest global setup of the mail-lab project: installs Postfix and Dovecot when missing (apt-get, as root) and starts
 * the lab once for the whole run; tears it down afterwards so that nothing keeps running on the machine.
 */
export function setup(): void {
  execFileSync("bash", [script, "ensure"], { stdio: "inherit", timeout: 600_000 });
}

export function teardown(): void {
  execFileSync("bash", [script, "down"], { stdio: "inherit", timeout: 60_000 });
}
