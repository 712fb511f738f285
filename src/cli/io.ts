/** Where a command writes: human or JSON lines to `out`, progress and diagnostics to `err`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress bars may redraw in place. */
  readonly interactive: boolean;
}

/** The process's own streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};
