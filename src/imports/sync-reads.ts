import { close, open, readSync } from "node:fs";

type ReadDone = (error: Error | null, bytesRead?: number, buffer?: Buffer) => void;

/**
 * The `fs` option of createReadStream for import files: each chunk is read synchronously (a call to the kernel, which
 * answers from its page cache) instead of by libuv's thread pool, which wakes a pool thread and then this one for
 * every 16 KB chunk. On 100,000 CSV invoices read by the import's validation thread that hand-over cost some 2-3 µs
 * of CPU per invoice, a twentieth of the thread's work (bench/import.ts SQLite 19.6-19.8k -> 20.7-20.9k/s). Reading
 * stays asynchronous to the stream's consumer: the result is delivered on the next tick, as the pool's would be.
 */
export const SYNC_READS = {
  open,
  close,
  read(
    fd: number,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number | null,
    done: ReadDone,
  ): void {
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, offset, length, position);
    } catch (error) {
      process.nextTick(done, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    process.nextTick(done, null, bytesRead, buffer);
  },
};
