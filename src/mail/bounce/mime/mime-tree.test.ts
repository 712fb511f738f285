import { describe, expect, it } from "vitest";
import { LIMITS } from "./limits.ts";
import { walkMime } from "./mime-tree.ts";

const body = (text: string, entity: { bodyStart: number; bodyEnd: number }): string =>
  text.slice(entity.bodyStart, entity.bodyEnd);

describe("walkMime", () => {
  it("splits nested multiparts into leaves in document order", () => {
    const text = [
      'Content-Type: multipart/report; boundary="outer"',
      "",
      "preamble",
      "--outer",
      'Content-Type: multipart/alternative; boundary="inner"',
      "",
      "--inner",
      "Content-Type: text/plain",
      "",
      "plain",
      "--inner",
      "Content-Type: text/html",
      "",
      "<p>html</p>",
      "--inner--",
      "--outer",
      "Content-Type: message/delivery-status",
      "",
      "Action: failed",
      "--outer--",
      "",
    ].join("\n");
    const mime = walkMime(text);
    expect(mime.leaves.map((leaf) => leaf.contentType.type)).toEqual([
      "text/plain",
      "text/html",
      "message/delivery-status",
    ]);
    expect(body(text, mime.leaves[0] ?? { bodyStart: 0, bodyEnd: 0 })).toBe("plain");
    expect(mime.truncated).toBe(false);
  });

  it("does not take a longer boundary that starts with the same characters for its own", () => {
    const text = 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\none\n--b-x\n\nstill one\n--b--\n';
    const mime = walkMime(text);
    expect(mime.leaves).toHaveLength(1);
    expect(body(text, mime.leaves[0] ?? { bodyStart: 0, bodyEnd: 0 })).toContain("still one");
  });

  it("finds the boundary in the body when the header lost it", () => {
    const text =
      "Content-Type: multipart/alternative;\nboundary=lost\n\n--lost\nContent-Type: text/plain\n\nhello\n--lost--\n";
    expect(walkMime(text).leaves.map((leaf) => leaf.contentType.type)).toEqual(["text/plain"]);
  });

  it("stops at the part and depth limits and says so", () => {
    const many = `Content-Type: multipart/mixed; boundary="z"\n\n${"--z\n\nx\n".repeat(LIMITS.maxParts + 50)}--z--\n`;
    const wide = walkMime(many);
    expect(wide.leaves.length).toBeLessThan(LIMITS.maxParts);
    expect(wide.truncated).toBe(true);
    let deep = "";
    for (let i = 0; i <= LIMITS.maxDepth + 5; i++)
      deep += `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n`;
    expect(walkMime(`${deep}\nleaf\n`).truncated).toBe(true);
  });
});
