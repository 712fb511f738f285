/** A record read from an import file, not yet validated, that can say where any of its fields came from. */
export interface SourcedRecord {
  /** File name for messages. */
  readonly source: string;
  /** The record as a JSON-like value for the shared input schema. */
  readonly raw: unknown;
  /** Maps a path inside `raw` to the place in the file: a line and column for CSV, a JSON path for JSON. */
  readonly locate: (path: readonly PropertyKey[]) => { at: string; field?: string };
  /** Set when the record could not even be read (a JSON Lines line that is not JSON). */
  readonly unreadable?: string;
}
