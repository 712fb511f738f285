import { describe, expect, it } from "vitest";
import type { JobStep } from "./commit-job-steps.ts";
import { createGroupCommit } from "./group-commit.ts";
import type { DeliveryStore, DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";

/** A store whose transactions run the work and record which steps ran together; commits can be held open. */
function recordingStore() {
  const transactions: string[][] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const store = {
    async transaction<T>(work: (unit: DeliveryUnitOfWork) => Promise<T>): Promise<T> {
      const names: string[] = [];
      transactions.push(names);
      const result = await work({ names } as unknown as DeliveryUnitOfWork);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return result;
    },
  } as unknown as DeliveryStore;
  return {
    store,
    transactions,
    holdCommits: () => (hold = true),
    releaseCommit: () => {
      hold = false;
      release?.();
    },
  };
}

function step(name: string, fail = false): JobStep {
  return {
    job: { id: name } as ClaimedJob,
    fenced: true,
    run: async (unit) => {
      (unit as unknown as { names: string[] }).names.push(name);
      if (fail) throw new Error(`${name} failed`);
      return "accepted";
    },
  };
}

describe("group commit of the relay's answers", () => {
  it("commits an answer that arrives alone in a transaction of its own", async () => {
    const { store, transactions } = recordingStore();
    expect(await createGroupCommit(store).commit(step("a"))).toBe("accepted");
    expect(transactions).toEqual([["a"]]);
  });

  it("commits the answers that arrive in the same turn of the event loop in one transaction", async () => {
    const { store, transactions } = recordingStore();
    const group = createGroupCommit(store);
    const answers = ["a", "b", "c"].map((name) => group.commit(step(name)));
    expect(await Promise.all(answers)).toEqual(["accepted", "accepted", "accepted"]);
    expect(transactions).toEqual([["a", "b", "c"]]);
  });

  it("puts the answers that arrive while a commit runs into the next transaction together", async () => {
    const { store, transactions, holdCommits, releaseCommit } = recordingStore();
    const group = createGroupCommit(store);
    holdCommits();
    const first = group.commit(step("a"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const others = ["b", "c", "d"].map((name) => group.commit(step(name)));
    releaseCommit();
    expect(await Promise.all([first, ...others])).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    expect(transactions).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("gives a failing answer its error and commits the others of its group on their own", async () => {
    const { store, transactions, holdCommits, releaseCommit } = recordingStore();
    const group = createGroupCommit(store);
    holdCommits();
    const first = group.commit(step("a"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const others = [group.commit(step("b")), group.commit(step("c", true))];
    releaseCommit();
    const [a, b, c] = await Promise.all([first, ...others]);
    expect([a, b]).toEqual(["accepted", "accepted"]);
    expect(c).toBeInstanceOf(Error);
    expect(transactions).toEqual([["a"], ["b", "c"], ["b"], ["c"]]);
  });
});
