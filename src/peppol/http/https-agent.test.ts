import { rootCertificates } from "node:tls";
import { describe, expect, it } from "vitest";
import { httpsAgentFor } from "./https-agent.ts";

describe("httpsAgentFor", () => {
  it("keeps one keep-alive agent per trust configuration, never shared with another", () => {
    const extra = [rootCertificates[0] ?? ""];
    const agent = httpsAgentFor(extra);
    expect(httpsAgentFor([...extra])).toBe(agent);
    expect(httpsAgentFor(undefined)).toBe(httpsAgentFor([]));
    expect(httpsAgentFor(undefined)).not.toBe(agent);
    expect(httpsAgentFor([rootCertificates[1] ?? ""])).not.toBe(agent);
  });
});
