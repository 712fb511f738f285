import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

describe("Peppol lookup configuration", () => {
  it("defaults to the production SML zone, the system's resolvers and 1h / 5m cache lifetimes", () => {
    const config = parseConfig({});
    if (!config.ok) throw new Error("defaults do not parse");
    expect(config.value).toMatchObject({
      FACTEUR_PEPPOL_SML_ZONE: "edelivery.tech.ec.europa.eu",
      FACTEUR_PEPPOL_LOOKUP_TIMEOUT: "10s",
      FACTEUR_PEPPOL_LOOKUP_CACHE_TTL: "1h",
      FACTEUR_PEPPOL_LOOKUP_NEGATIVE_TTL: "5m",
    });
    expect(config.value.FACTEUR_PEPPOL_DNS_SERVERS).toBeUndefined();
    expect(config.value.FACTEUR_PEPPOL_SMP_CA_FILE).toBeUndefined();
  });

  it("names every malformed variable at once", () => {
    const config = parseConfig({
      FACTEUR_PEPPOL_SML_ZONE: "not a zone",
      FACTEUR_PEPPOL_DNS_SERVERS: "127.0.0.1:53,,",
      FACTEUR_PEPPOL_LOOKUP_CACHE_TTL: "1 hour",
    });
    expect(config.ok ? [] : config.error.map((issue) => issue.field)).toEqual([
      "FACTEUR_PEPPOL_SML_ZONE",
      "FACTEUR_PEPPOL_DNS_SERVERS",
      "FACTEUR_PEPPOL_LOOKUP_CACHE_TTL",
    ]);
  });

  it("gives peppol serve 60 s to finish the requests in flight when told to stop, unless told otherwise", () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.value.FACTEUR_PEPPOL_SHUTDOWN_GRACE).toBe("60s");
    const set = parseConfig({ FACTEUR_PEPPOL_SHUTDOWN_GRACE: "5m" });
    expect(set.ok && set.value.FACTEUR_PEPPOL_SHUTDOWN_GRACE).toBe("5m");
    const wrong = parseConfig({ FACTEUR_PEPPOL_SHUTDOWN_GRACE: "1 minute" });
    expect(wrong.ok ? [] : wrong.error.map((issue) => issue.field)).toEqual([
      "FACTEUR_PEPPOL_SHUTDOWN_GRACE",
    ]);
  });
});
