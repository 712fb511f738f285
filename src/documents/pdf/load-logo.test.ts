import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { loadLogo } from "./load-logo.ts";

const folder = mkdtempSync(join(tmpdir(), "facteur-logo-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A 2 x 1 PNG: an opaque red pixel and a half-transparent blue one, with or without its alpha channel. */
function twoPixels(colorType: 2 | 6): Buffer {
  const png = new PNG({ width: 2, height: 1 });
  png.data = Buffer.from([255, 0, 0, 255, 0, 0, 255, 128]);
  return PNG.sync.write(png, { colorType });
}

describe("loadLogo", () => {
  it("lays a PNG with transparency on white once, so that pdfkit can copy it without decoding", async () => {
    const path = join(folder, "alpha.png");
    writeFileSync(path, twoPixels(6));
    const logo = PNG.sync.read(await loadLogo(path));
    expect(logo.alpha).toBe(false);
    expect(logo.colorType).toBe(2);
    // pngjs reads every picture as RGBA; the blue pixel at alpha 128/255 over white is (127, 127, 255).
    expect([...logo.data]).toEqual([255, 0, 0, 255, 127, 127, 255, 255]);
  });

  it("keeps an opaque, non-interlaced PNG byte for byte", async () => {
    const path = join(folder, "opaque.png");
    writeFileSync(path, twoPixels(2));
    expect((await loadLogo(path)).equals(readFileSync(path))).toBe(true);
  });

  it("reads the file again when it changes", async () => {
    const path = join(folder, "changing.png");
    writeFileSync(path, twoPixels(2));
    const first = await loadLogo(path);
    expect(await loadLogo(path)).toBe(first);
    utimesSync(path, new Date(), new Date(Date.now() + 60_000));
    const second = await loadLogo(path);
    expect(second).not.toBe(first);
    expect(second.equals(first)).toBe(true);
  });

  it("refuses a PNG it cannot decode, naming the file", async () => {
    const path = join(folder, "broken.png");
    writeFileSync(path, twoPixels(6).subarray(0, 20));
    await expect(loadLogo(path)).rejects.toThrow(`The logo "${path}" is not a readable PNG image`);
  });
});
