import { rootCertificates } from "node:tls";
import { describe, expect, it } from "vitest";
import { smpAgent } from "./fetch-smp-resource.ts";

describe("smpAgent", () => {
  it("keeps one keep-alive agent per trust configuration, never shared with another", () => {
    const extra = [rootCertificates[0] ?? ""];
    const agent = smpAgent(extra);
    expect(smpAgent([...extra])).toBe(agent);
    expect(smpAgent(undefined)).toBe(smpAgent([]));
    expect(smpAgent(undefined)).not.toBe(agent);
    expect(smpAgent([rootCertificates[1] ?? ""])).not.toBe(agent);
  });
});
