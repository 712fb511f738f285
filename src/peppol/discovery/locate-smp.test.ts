import type { NaptrRecord } from "node:dns";
import { describe, expect, it } from "vitest";
import { locateSmp, type NaptrResolver } from "./locate-smp.ts";
import { participantDnsName } from "./participant-dns-name.ts";

const participant = { scheme: "iso6523-actorid-upis", value: "0208:0400000185" };
const zone = "sml.example.test";
const dnsName = participantDnsName(participant, zone);

function answering(records: NaptrRecord[]): NaptrResolver {
  return { resolveNaptr: async () => records };
}

function failing(code: string): NaptrResolver {
  return {
    resolveNaptr: async () => Promise.reject(Object.assign(new Error(`query failed ${code}`), { code })),
  };
}

function naptr(regexp: string, service = "Meta:SMP"): NaptrRecord {
  return { flags: "U", service, regexp, replacement: "", order: 100, preference: 10 };
}

describe("locateSmp", () => {
  it("queries the participant's U-NAPTR name and returns the SMP URL", async () => {
    const asked: string[] = [];
    const resolver = {
      resolveNaptr: async (name: string) => {
        asked.push(name);
        return [naptr("!^.*$!https://smp.example.test/!")];
      },
    };
    expect(await locateSmp(resolver, participant, zone)).toEqual({
      kind: "found",
      dnsName,
      smpUrl: "https://smp.example.test",
    });
    expect(asked).toEqual([dnsName]);
  });

  it("reads NXDOMAIN, no NAPTR data and records of other services as not registered", async () => {
    for (const resolver of [
      failing("ENOTFOUND"),
      failing("ENODATA"),
      answering([naptr("!^.*$!https://a!", "Meta:X")]),
    ])
      expect(await locateSmp(resolver, participant, zone)).toEqual({ kind: "not-registered", dnsName });
  });

  it("reads SERVFAIL, timeouts, refusals and unreachable servers as try later", async () => {
    for (const code of ["ESERVFAIL", "ETIMEOUT", "EREFUSED", "ECONNREFUSED"]) {
      const located = await locateSmp(failing(code), participant, zone);
      expect(located).toMatchObject({ kind: "try-later", reason: expect.stringContaining(code) });
    }
  });

  it("refuses an SMP record that does not rewrite to an https URL", async () => {
    const located = await locateSmp(answering([naptr("!^.*$!http://smp.example.test!")]), participant, zone);
    expect(located).toMatchObject({ kind: "refused", reason: expect.stringContaining("not an https URL") });
  });
});
