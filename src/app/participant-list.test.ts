import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";
import { parseParticipantList } from "./participant-list.ts";

describe("the participants the receiver serves", () => {
  it("normalises a comma-separated list: lower-case values, the scheme prefix dropped, repeats once", () => {
    expect(
      parseParticipantList(
        "FACTEUR_PEPPOL_PARTICIPANTS",
        " 0208:0123456749, iso6523-actorid-upis::9925:BE0123456749 ,0208:0123456749,",
      ),
    ).toEqual({ ok: true, value: ["0208:0123456749", "9925:be0123456749"] });
  });

  it("names the variable and every bad id", () => {
    const parsed = parseParticipantList("FACTEUR_PEPPOL_PARTICIPANTS", "0208:0123456749,0208:0123456748,x");
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.error;
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/^FACTEUR_PEPPOL_PARTICIPANTS: /);
    expect(problems[1]).toContain('"x" is not a Peppol id');
  });

  it("is checked when the configuration is parsed", () => {
    const config = parseConfig({ FACTEUR_PEPPOL_PARTICIPANTS: "0208:0202239951,9999:1" });
    expect(config.ok ? [] : config.error.map((issue) => issue.field)).toEqual([
      "FACTEUR_PEPPOL_PARTICIPANTS",
    ]);
    const good = parseConfig({ FACTEUR_PEPPOL_PARTICIPANTS: "0208:0202239951, 0208:0123456749" });
    expect(good.ok).toBe(true);
  });
});
