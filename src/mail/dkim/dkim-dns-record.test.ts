import { describe, expect, it } from "vitest";
import { dkimDnsRecord } from "./dkim-dns-record.ts";
import { generateDkimKey } from "./dkim-key.ts";

describe("DKIM DNS records", () => {
  it("name the selector under _domainkey and split a 2048-bit RSA value into strings of at most 255 octets", () => {
    const key = generateDkimKey();
    const record = dkimDnsRecord({ selector: "s2024", domain: "demo.be", ...key });
    expect(record.name).toBe("s2024._domainkey.demo.be");
    expect(record.value).toBe(`v=DKIM1; k=rsa; p=${key.publicKey}`);
    const strings = [...record.zoneLine.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(strings.length).toBeGreaterThan(1);
    expect(strings.every((s) => s.length <= 255)).toBe(true);
    expect(strings.join("")).toBe(record.value);
    expect(record.zoneLine.startsWith("s2024._domainkey.demo.be. IN TXT ( ")).toBe(true);
  });

  it("mark Ed25519 keys with k=ed25519 in one string", () => {
    const key = generateDkimKey("ed25519-sha256");
    const record = dkimDnsRecord({ selector: "ed", domain: "demo.be", ...key });
    expect(record.value).toBe(`v=DKIM1; k=ed25519; p=${key.publicKey}`);
    expect(record.zoneLine).toBe(`ed._domainkey.demo.be. IN TXT ( "${record.value}" )`);
  });
});
