import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAuditLink } from "./audit-chain.ts";
import type { AuditEntry } from "./audit-entry.ts";
import {
  auditTextHead,
  auditTextHeadOf,
  auditTextTail,
  canonicalAuditText,
  GENESIS_HASH,
  hashAuditRecord,
  type SealedAuditRecord,
  sealAuditEntry,
} from "./audit-hash.ts";
import { canonicalJson } from "./json-value.ts";

const entry: AuditEntry = {
  at: new Date("2026-01-31T09:15:00.000Z"),
  actor: { kind: "user", id: "marie" },
  entity: { type: "customer", id: "C-001" },
  field: "address.city",
  action: "update",
  oldValue: "Liège",
  newValue: "Namur",
  reason: null,
};

function chainOf(count: number): SealedAuditRecord[] {
  const records: SealedAuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const record = sealAuditEntry({ ...entry, newValue: `city ${seq}` }, seq, prevHash);
    records.push(record);
    prevHash = record.hash;
  }
  return records;
}

/** The canonical text of a record built the generic way: an object sorted and written by canonicalJson. */
function genericAuditText(record: Omit<SealedAuditRecord, "hash">): string {
  return canonicalJson({
    v: 1,
    seq: record.seq,
    at: record.at,
    actor: { kind: record.actorKind, id: record.actorId },
    entity: { type: record.entityType, id: record.entityId },
    field: record.field,
    action: record.action,
    oldValue: record.oldValue,
    newValue: record.newValue,
    reason: record.reason,
    prevHash: record.prevHash,
  });
}

describe("sealAuditEntry", () => {
  it("stores the instant as ISO-8601 UTC and the values as canonical JSON text", () => {
    const sealed = sealAuditEntry({ ...entry, newValue: { b: 2, a: 1 } }, 1, GENESIS_HASH);
    expect(sealed.at).toBe("2026-01-31T09:15:00.000Z");
    expect(sealed.oldValue).toBe('"Liège"');
    expect(sealed.newValue).toBe('{"a":1,"b":2}');
  });

  it("keeps the hash of a known record unchanged, so logs written earlier still verify", () => {
    // SHA-256 of {"action":"update","actor":{"id":"marie","kind":"user"},"at":"2026-01-31T09:15:00.000Z",...,"v":1},
    // computed with sha256sum. If it changes, stored chains stop verifying: change the layout only with a new `v`.
    expect(sealAuditEntry(entry, 1, GENESIS_HASH).hash).toBe(
      "d273ed46b38facef6ad552a84173717716843ef1f59a244f7656f4b24c0f09d4",
    );
  });

  it("gives a different hash when any field, the sequence number or the previous hash differs", () => {
    const base = sealAuditEntry(entry, 1, GENESIS_HASH);
    const { hash: _hash, ...unsealed } = base;
    const variants = [
      { ...unsealed, seq: 2 },
      { ...unsealed, at: "2026-01-31T09:15:00.001Z" },
      { ...unsealed, actorKind: "cli" },
      { ...unsealed, actorId: "marie2" },
      { ...unsealed, entityType: "recipient" },
      { ...unsealed, entityId: "C-002" },
      { ...unsealed, field: null },
      { ...unsealed, action: "status" },
      { ...unsealed, oldValue: null },
      { ...unsealed, newValue: '"Namur "' },
      { ...unsealed, reason: "" },
      { ...unsealed, prevHash: "1".repeat(64) },
    ];
    const hashes = new Set(variants.map(hashAuditRecord));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(base.hash)).toBe(false);
  });

  it("does not confuse a null value with the JSON text null", () => {
    const { hash: _hash, ...unsealed } = sealAuditEntry({ ...entry, oldValue: null }, 1, GENESIS_HASH);
    expect(hashAuditRecord(unsealed)).not.toBe(hashAuditRecord({ ...unsealed, oldValue: "null" }));
  });
});

describe("canonicalAuditText", () => {
  it("writes the same text as canonicalJson of the record's layout, whatever the values", () => {
    const textOrNull = fc.option(fc.string({ unit: "binary" }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1 }),
          at: fc.string(),
          actorKind: fc.string(),
          actorId: fc.string({ unit: "binary" }),
          entityType: fc.string(),
          entityId: fc.string({ unit: "binary" }),
          field: textOrNull,
          action: fc.string(),
          oldValue: textOrNull,
          newValue: textOrNull,
          reason: textOrNull,
          prevHash: fc.string(),
        }),
        (record) => {
          const generic = genericAuditText(record);
          expect(canonicalAuditText(record)).toBe(generic);
        },
      ),
    );
  });

  it("refuses a field that is not text, as a damaged record", () => {
    const { hash: _hash, ...unsealed } = sealAuditEntry(entry, 1, GENESIS_HASH);
    expect(() => canonicalAuditText({ ...unsealed, reason: 42 as unknown as string })).toThrow(TypeError);
  });
});

describe("checkAuditLink", () => {
  it("accepts an intact chain", () => {
    const records = chainOf(3);
    let previous: SealedAuditRecord | null = null;
    for (const record of records) {
      expect(checkAuditLink(previous, record)).toBeNull();
      previous = record;
    }
  });

  it("names a gap when a record is missing", () => {
    const [first, , third] = chainOf(3);
    if (first === undefined || third === undefined) throw new Error("chain too short");
    expect(checkAuditLink(first, third)).toMatchObject({
      reason: "seq-gap",
      detail: "expected seq 2, found seq 3",
    });
  });

  it("requires the chain to start at seq 1 after the genesis hash", () => {
    const [, second] = chainOf(2);
    if (second === undefined) throw new Error("chain too short");
    expect(checkAuditLink(null, second)?.reason).toBe("seq-gap");
    const first = sealAuditEntry(entry, 1, "f".repeat(64));
    expect(checkAuditLink(null, first)?.reason).toBe("prev-hash-mismatch");
  });

  it("names a hash mismatch when the content was edited", () => {
    const [first, second] = chainOf(2);
    if (first === undefined || second === undefined) throw new Error("chain too short");
    expect(checkAuditLink(first, { ...second, newValue: '"Brussels"' })?.reason).toBe("hash-mismatch");
  });

  it("names a prevHash mismatch on the record after one rewritten with a fresh hash", () => {
    const [first, second, third] = chainOf(3);
    if (first === undefined || second === undefined || third === undefined)
      throw new Error("chain too short");
    const rewritten = sealAuditEntry({ ...entry, newValue: "forged" }, 2, first.hash);
    expect(checkAuditLink(first, rewritten)).toBeNull();
    expect(checkAuditLink(rewritten, third)?.reason).toBe("prev-hash-mismatch");
  });
});

describe("auditTextHead and auditTextTail", () => {
  it("write each entry's own fields when entries in a row share all but some of them", () => {
    const shared = fc.record({
      at: fc.constantFrom("2026-11-29T00:00:00.000Z", "2026-11-30T00:00:00.000Z"),
      actorKind: fc.constantFrom("system", "user"),
      actorId: fc.constantFrom("import", "marie"),
      entityType: fc.constantFrom("invoice", "customer"),
      field: fc.constantFrom(null, "status"),
      action: fc.constantFrom("create", "update"),
      oldValue: fc.constantFrom(null, '"draft"'),
    });
    const entries = fc.array(
      fc.tuple(shared, fc.string({ unit: "binary" }), fc.option(fc.string(), { nil: null })),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(entries, (rows) => {
        for (const [fields, entityId, newValue] of rows) {
          const record = { ...fields, entityId, newValue, reason: null, seq: 3, prevHash: GENESIS_HASH };
          const generic = genericAuditText(record);
          expect(auditTextHead(record) + auditTextTail(record.prevHash, null, record.seq)).toBe(generic);
          expect(auditTextHeadOf({ ...fields, reason: null }, entityId, newValue)).toBe(
            auditTextHead(record),
          );
        }
      }),
    );
  });

  it("make up the canonical text, so that records sealed from a head hash as sealAuditEntry seals them", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.option(fc.string()),
        (entityId, newValue, reason) => {
          const sealed = sealAuditEntry(
            { ...entry, entity: { type: "invoice", id: entityId }, newValue, reason },
            7,
            GENESIS_HASH,
          );
          const { hash: _hash, seq, prevHash, ...encoded } = sealed;
          expect(auditTextHead(encoded) + auditTextTail(prevHash, encoded.reason, seq)).toBe(
            canonicalAuditText(sealed),
          );
        },
      ),
    );
  });
});
