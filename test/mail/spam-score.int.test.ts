import { execFile, execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { composer, labCustomer, renderedInvoice, SELLER_DOMAIN } from "./lab-mail-kit.ts";

function hasSpamAssassin(): boolean {
  try {
    execFileSync("spamassassin", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** SpamAssassin's local score (no network tests) and the rules that fired with points. */
function score(raw: Buffer): Promise<{ points: number; rules: string[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile("spamassassin", ["-L", "-t"], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const points = /Content analysis details:\s+\((-?[\d.]+) points/.exec(stdout)?.[1];
      if (points === undefined) return reject(new Error("no SpamAssassin report"));
      const rules = [...stdout.matchAll(/^\s*(-?\d+(?:\.\d+)?) ([A-Z0-9_]+)\s/gm)]
        .filter((m) => Number(m[1]) > 0)
        .map((m) => m[2] ?? "");
      resolve({ points: Number(points), rules });
    });
    child.stdin?.end(raw);
  });
}

describe.skipIf(!hasSpamAssassin())("invoice mail and spam filters (SpamAssassin installed)", () => {
  test.each([false, true])(
    "a message (copy: %s) scores no spam points in SpamAssassin's local rules",
    async (copy) => {
      const rendered = await renderedInvoice(copy);
      const deliveryId = randomUUID();
      const outgoing = await composer.compose({
        deliveryId,
        messageId: `${deliveryId}@${SELLER_DOMAIN}`,
        copy,
        to: [{ email: "invoices@customer-a.test", name: "Comptabilité Client A" }],
        customer: labCustomer,
        document: rendered.document,
        pdf: rendered.pdf,
        ubl: copy ? null : rendered.ubl,
      });
      const result = await score(outgoing.raw);
      expect(result.rules).toEqual([]);
      expect(result.points).toBeLessThanOrEqual(0);
    },
    120_000,
  );
});
