import { describe, expect, it } from "vitest";
import { participantCandidates } from "./peppol-participant-directory.ts";

describe("participantCandidates", () => {
  it("looks a Belgian enterprise up under 0208 first, then 9925, from either id", () => {
    const both = ["0208:0400000185", "9925:be0400000185"];
    expect(participantCandidates("0208:0400000185")).toEqual(both);
    expect(participantCandidates("9925:be0400000185")).toEqual(both);
    expect(participantCandidates("9925:BE0400000185")).toEqual(both);
  });

  it("looks any other id up as it is", () => {
    expect(participantCandidates("0088:5798000000001")).toEqual(["0088:5798000000001"]);
    expect(participantCandidates("0208:123")).toEqual(["0208:123"]);
    expect(participantCandidates("0208:0400000186")).toEqual(["0208:0400000186"]);
  });
});
