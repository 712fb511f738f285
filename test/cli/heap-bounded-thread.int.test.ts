import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LONG_RUNNING_HEAP, runInHeapBoundedThread } from "../../bin/heap-bounded-thread.js";

const ROOT = join(import.meta.dirname, "../..");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the heap-bounded thread of long-running commands", () => {
  it("runs a TypeScript entry with the bounded heap, its argv, and hands back its exit code", async () => {
    const messages: unknown[] = [];
    const code = await runInHeapBoundedThread(new URL("./support/heap-probe.ts", import.meta.url), {
      argv: ["worker", "--once"],
      onMessage: (message) => messages.push(message),
    });
    expect(code).toBe(7);
    const [probe] = messages as { heapLimit: number; argv: string[] }[];
    expect(probe?.argv).toEqual(["worker", "--once"]);
    // The limit covers the old generation plus the young one, so it is a little above the old generation's.
    const mb = (probe?.heapLimit ?? 0) / 2 ** 20;
    expect(mb).toBeGreaterThanOrEqual(LONG_RUNNING_HEAP.maxOldGenerationSizeMb);
    expect(mb).toBeLessThan(LONG_RUNNING_HEAP.maxOldGenerationSizeMb * 1.25);
  });

  it("`facteur worker` still stops gracefully on SIGTERM, relayed to the thread, and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "facteur-heap-thread-"));
    dirs.push(dir);
    const child = spawn(process.execPath, [join(ROOT, "bin/facteur.js"), "worker", "--demo"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", FACTEUR_DATA_DIR: dir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const started = new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("Peppol: not sending")) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await started;
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("SIGTERM: finishing the jobs in hand, then stopping");
    expect(stdout).toContain("worker done: 0 job(s)");
  });
});
