import type { AppErrorCode } from "../core/errors/app-error.ts";

/**
 * Exit codes scripts can rely on. 1 is reserved for "ran, but the input or documents are not valid"; codes from 64
 * follow BSD sysexits where one fits.
 */
export const EXIT = {
  ok: 0,
  invalid: 1,
  usage: 64,
  notFound: 66,
  unavailable: 69,
  internal: 70,
  conflict: 75,
  config: 78,
} as const;

/** The one mapping from error codes to exit codes. */
export function exitCodeOf(code: AppErrorCode): number {
  switch (code) {
    case "invalid-input":
    case "invalid-state":
    case "integrity-violation":
      return EXIT.invalid;
    case "not-found":
      return EXIT.notFound;
    case "conflict":
      return EXIT.conflict;
    case "unavailable":
      return EXIT.unavailable;
    case "config":
      return EXIT.config;
    case "internal":
      return EXIT.internal;
  }
}
