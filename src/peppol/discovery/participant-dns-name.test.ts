import { describe, expect, it } from "vitest";
import { PRODUCTION_SML_ZONE, participantDnsName, TEST_SML_ZONE } from "./participant-dns-name.ts";

const scheme = "iso6523-actorid-upis";

describe("participantDnsName", () => {
  it("gives the Policy for use of Identifiers POLICY 7 example, whatever the case of the value", () => {
    const zone = "participant.sml.test.tech.peppol.org";
    const expected = `y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq.${scheme}.${zone}`;
    expect(participantDnsName({ scheme, value: "0088:123abc" }, zone)).toBe(expected);
    expect(participantDnsName({ scheme, value: "0088:123ABC" }, zone)).toBe(expected);
  });

  it("gives the SML specification example and a GLN example", () => {
    expect(participantDnsName({ scheme, value: "0010:5798000000001" }, TEST_SML_ZONE)).toBe(
      `xukhfqabqziki3ykvr2fhr4snfa3pf5vpq6k4tonv3lmvsy5arvq.${scheme}.${TEST_SML_ZONE}`,
    );
    expect(participantDnsName({ scheme, value: "0088:1234567890123" }, PRODUCTION_SML_ZONE)).toBe(
      `sjsyvccmqyjxk3weuapffq4x3umcrf4qryherj4vovhmonh7gccq.${scheme}.${PRODUCTION_SML_ZONE}`,
    );
  });

  it("puts the scheme in a label of its own and ignores dots around the zone", () => {
    const name = participantDnsName({ scheme: "other-scheme", value: "0088:123abc" }, ".example.test.");
    expect(name).toBe("y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq.other-scheme.example.test");
  });
});
