import { describe, expect, it } from "vitest";
import { classifyBounce, classifyMailbox } from "./classify-bounce.ts";
import { dsnWith } from "./testing/sample-message.ts";

/** Runs `work` and returns its result with the milliseconds it took. */
function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

const BOUNCE_HEAD = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n";

describe("bounce reading under hostile input", () => {
  it("reads a message of 10,000 MIME parts in bounded time", () => {
    const parts = Array.from(
      { length: 10_000 },
      (_, i) => `--z\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`,
    );
    const raw = `${BOUNCE_HEAD}Content-Type: multipart/mixed; boundary="z"\r\n\r\n${parts.join("")}--z--\r\n`;
    const { value, ms } = timed(() => classifyBounce(Buffer.from(raw)));
    expect(value.results.length).toBeGreaterThanOrEqual(1);
    expect(ms).toBeLessThan(2000);
  });

  it("reads multiparts nested 100 deep in bounded time", () => {
    let head = BOUNCE_HEAD;
    let tail = "";
    for (let i = 0; i < 100; i++) {
      head += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
      tail = `\r\n--b${i}--\r\n${tail}`;
    }
    const raw = `${head}Content-Type: text/plain\r\n\r\nhello${tail}`;
    const { value, ms } = timed(() => classifyBounce(Buffer.from(raw)));
    expect(value.results).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it("reads attached messages nested 100 deep in bounded time", () => {
    const raw = `${"From: a@example.org\r\nContent-Type: message/rfc822\r\n\r\n".repeat(100)}Subject: x\r\n\r\nbody`;
    const { value, ms } = timed(() => classifyBounce(Buffer.from(raw)));
    expect(value.results).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it("classifies a 50 MB bounce from its report parts without reading the returned message", () => {
    const dsn = dsnWith("550 5.1.1 <rcpt@example.net>: Recipient address rejected: User unknown").toString(
      "latin1",
    );
    const returned = `--b1\r\nContent-Type: message/rfc822\r\n\r\nSubject: big\r\n\r\n${"A".repeat(50 * 1024 * 1024)}\r\n`;
    const raw = Buffer.from(dsn.replace("--b1--\r\n", `${returned}--b1--\r\n`), "latin1");
    expect(raw.length).toBeGreaterThan(50 * 1024 * 1024);
    const { value, ms } = timed(() => classifyMailbox(raw));
    expect(value[0]?.results[0]?.reason).toBe("userunknown");
    expect(ms).toBeLessThan(5000);
  });

  it("survives 50 MB without a line break, and 50 MB of addresses", () => {
    const oneLine = timed(() => classifyBounce(Buffer.alloc(50 * 1024 * 1024, 0x61)));
    expect(oneLine.value.results[0]?.reason).toBe("undefined");
    const addresses = timed(() =>
      classifyBounce(Buffer.from(`${BOUNCE_HEAD}\r\n${"a@b.example ".repeat(4_500_000)}`)),
    );
    expect(addresses.value.results.length).toBeLessThanOrEqual(200);
    expect(oneLine.ms + addresses.ms).toBeLessThan(8000);
  });

  it("reads past broken base64 and quoted-printable", () => {
    const base64 = `${BOUNCE_HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!! not base64 ===\r\nPGJvYkBleGFtcGxlLm5ldD46IDU1MCA1LjEuMSBVc2VyIHVua25vd24=\r\n`;
    const fromBase64 = classifyBounce(Buffer.from(base64)).results[0];
    expect(fromBase64?.recipient).toBe("bob@example.net");
    expect(fromBase64?.status).toBe("5.1.1");
    const qp = `${BOUNCE_HEAD}Content-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<bob@example.net>: 550 5.2.2 =ZZ mailbox =\r\nfull=4=\r\n=`;
    expect(classifyBounce(Buffer.from(qp)).results[0]?.reason).toBe("mailboxfull");
  });

  it("gives one undefined result for a message that is no bounce, and for empty or binary input", () => {
    const letter =
      "From: alice@example.com\r\nTo: bob@example.net\r\nSubject: lunch?\r\n\r\nNoon? Ask carol@example.org.\r\n";
    for (const raw of [
      Buffer.from(letter),
      Buffer.alloc(0),
      Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) & 255)),
    ]) {
      const report = classifyBounce(raw);
      expect(report.kind).toBe("unknown");
      expect(report.results).toHaveLength(1);
      expect(report.results[0]?.reason).toBe("undefined");
      expect(report.results[0]?.hard).toBe(false);
    }
  });
});
