import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Vitest global setup: the Debian tools some tests read PDFs and mail with (see scripts/install-test-tools.sh). */
export function setup(): void {
  execFileSync("bash", [join(import.meta.dirname, "../../scripts/install-test-tools.sh")], {
    stdio: "inherit",
    timeout: 600_000,
  });
}
