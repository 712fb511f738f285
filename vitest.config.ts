import { defineConfig } from "vitest/config";

/** Test files that talk to the one mail lab of the machine: they run one at a time, after everything else. */
const LAB = ["test/lab/**/*.test.ts", "test/mail/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit-and-storage",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...LAB, "**/node_modules/**"],
          globalSetup: ["test/support/tools-global-setup.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "mail-lab",
          include: LAB,
          globalSetup: ["test/support/tools-global-setup.ts", "test/support/mail-lab-global-setup.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
