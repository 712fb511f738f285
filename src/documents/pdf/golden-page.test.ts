import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { GOLDEN_DPI, GOLDEN_PNG, goldenPdf } from "./testing/golden-page.ts";
import { hasPoppler, pagePng } from "./testing/poppler.ts";

/** Share of pixels that differ by more than a faint anti-aliasing shade between two pictures of the same size. */
function differingShare(a: PNG, b: PNG): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(
      Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)),
      Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0)),
      Math.abs((a.data[i + 2] ?? 0) - (b.data[i + 2] ?? 0)),
    );
    if (delta > 32) differing++;
  }
  return differing / (a.width * a.height);
}

// The picture is drawn by poppler's pdftoppm; without it (Debian package poppler-utils) there is nothing to compare.
describe.skipIf(!hasPoppler())("page 1 of the sample invoice", () => {
  it("still looks like the reviewed golden picture (refresh: npx tsx src/documents/pdf/testing/refresh-golden.ts)", async () => {
    const golden = PNG.sync.read(readFileSync(GOLDEN_PNG));
    const current = PNG.sync.read(pagePng(await goldenPdf(), 1, GOLDEN_DPI));
    expect([current.width, current.height]).toEqual([golden.width, golden.height]);
    expect(differingShare(current, golden)).toBeLessThan(0.001);
  });
});
