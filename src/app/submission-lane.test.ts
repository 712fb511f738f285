import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createSubmissionLane } from "./submission-lane.ts";

async function peak(width: number): Promise<number> {
  const lane = createSubmissionLane(width);
  let running = 0;
  let highest = 0;
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      lane.run(async () => {
        running++;
        highest = Math.max(highest, running);
        await sleep(i % 3);
        running--;
      }),
    ),
  );
  return highest;
}

describe("createSubmissionLane", () => {
  it("runs one submission at a time by default, so a crash can leave at most one unrecorded 250", async () => {
    expect(await peak(1)).toBe(1);
  });

  it("runs up to its width at once and goes on after a task fails", async () => {
    expect(await peak(3)).toBe(3);
    const lane = createSubmissionLane(1);
    await expect(lane.run(async () => Promise.reject(new Error("relay gone")))).rejects.toThrow("relay gone");
    expect(await lane.run(async () => "next")).toBe("next");
  });
});
