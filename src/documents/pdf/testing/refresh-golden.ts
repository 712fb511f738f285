/**
 * Rewrites golden-page1.png from the current renderer, after a deliberate layout change:
 *   npx tsx src/documents/pdf/testing/refresh-golden.ts
 * Then look at the picture before committing it: the golden test only says that the page still looks like it.
 */
import { writeFileSync } from "node:fs";
import { GOLDEN_DPI, GOLDEN_PNG, goldenPdf } from "./golden-page.ts";
import { pagePng } from "./poppler.ts";

writeFileSync(GOLDEN_PNG, pagePng(await goldenPdf(), 1, GOLDEN_DPI));
console.log(`wrote ${GOLDEN_PNG}`);
