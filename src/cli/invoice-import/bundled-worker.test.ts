import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledWorker } from "./bundled-worker.ts";

const dir = mkdtempSync(join(tmpdir(), "facteur-bundle-"));
const cache = join(dir, "cache");

function module(name: string, text: string): URL {
  const path = join(dir, name);
  writeFileSync(path, text);
  return pathToFileURL(path);
}

describe("bundledWorker", () => {
  it("bundles a TypeScript module with what it imports, and rebuilds when an input changes", () => {
    module("dep.ts", `export const word: string = "first";\n`);
    const entry = module(
      "entry.ts",
      `import { word } from "./dep.ts";\nexport const said = word.toUpperCase();\n`,
    );
    const first = bundledWorker(entry, cache);
    expect(first).toBeInstanceOf(URL);
    expect(readFileSync(first as URL, "utf8")).toContain('"first"');
    expect(bundledWorker(entry, cache)?.href).toBe(first?.href);

    module("dep.ts", `export const word: string = "second";\n`);
    const second = bundledWorker(entry, cache);
    expect(readFileSync(second as URL, "utf8")).toContain('"second"');
    expect(readFileSync(second as URL, "utf8")).not.toContain('"first"');
  });

  it("answers undefined for a module it cannot bundle, so that the caller loads it otherwise", () => {
    const entry = module("broken.ts", `import { nothing } from "./missing.ts";\nexport const x = nothing;\n`);
    expect(bundledWorker(entry, cache)).toBeUndefined();
  });
});
