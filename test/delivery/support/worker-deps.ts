import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from "../../../src/app/delivery-settings.ts";
import type { MailTransport } from "../../../src/app/ports/mail-transport.ts";
import type { DeliveryWorkerDeps } from "../../../src/app/process-delivery-jobs.ts";
import { createLocalArchive } from "../../../src/archive/local-archive.ts";
import type { Database } from "../../../src/store/database.ts";
import { createDeliveryStore } from "../../../src/store/deliveries/create-delivery-store.ts";
import { fakeComposer, fakeRenderer, fakeTransport } from "./delivery-fakes.ts";
import { SELLER } from "./delivery-fixtures.ts";

/** A settable clock. */
export interface Clock {
  now: Date;
  advance(ms: number): void;
}

export function clockAt(iso: string): Clock {
  const clock: Clock = {
    now: new Date(iso),
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return clock;
}

/** Worker dependencies over `db` with fakes for the relay, composer and renderer and a fresh archive directory. */
export function workerDeps(
  db: Kysely<Database>,
  clock: Clock,
  overrides: {
    readonly transport?: MailTransport;
    readonly settings?: Partial<DeliverySettings>;
    readonly worker?: string;
    readonly archiveDir?: string;
  } = {},
): DeliveryWorkerDeps & { readonly composer: ReturnType<typeof fakeComposer> } {
  return {
    store: createDeliveryStore(db),
    archive: createLocalArchive(overrides.archiveDir ?? mkdtempSync(join(tmpdir(), "facteur-archive-"))),
    transport: overrides.transport ?? fakeTransport(),
    composer: fakeComposer(),
    renderer: fakeRenderer,
    seller: SELLER,
    settings: { ...DEFAULT_DELIVERY_SETTINGS, ...overrides.settings },
    now: () => clock.now,
    worker: overrides.worker ?? "worker:test:1",
  };
}
