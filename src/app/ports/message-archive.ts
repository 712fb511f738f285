/** Where an archived message is, by content. */
export interface ArchivedObject {
  /** SHA-256 of the bytes, lower-case hex: the address of the object. */
  readonly sha256: string;
  readonly size: number;
}

/**
 * Write-once, content-addressed storage for the exact bytes of every message sent. Storing the same bytes twice
 * stores them once. Behind this interface: a local directory now, an S3-compatible store later.
 */
export interface MessageArchive {
  put(raw: Buffer): Promise<ArchivedObject>;
  /** The bytes, or null when no object has that hash. */
  get(sha256: string): Promise<Buffer | null>;
  /** True when an object with that hash is stored (without reading it). */
  has(sha256: string): Promise<boolean>;
  /** Re-hashes every object; yields those whose bytes no longer match their name (altered) or cannot be read. */
  verify(): AsyncIterable<{ readonly sha256: string; readonly problem: "altered" | "unreadable" }>;
}
