import type { Phrase } from "./rule.ts";

/** Diagnostic phrases about space and size limits (lower-cased), as real servers word them. */

/** The recipient's mailbox is full or over quota. */
export const MAILBOX_FULL: readonly Phrase[] = [
  "452 insufficient disk space",
  "account disabled temporarly for exceeding receiving limits",
  "boite du destinataire pleine", // Orange
  "exceeded storage allocation",
  "full mailbox",
  "mailbox exceeds allowed size",
  "mailbox size limit exceeded",
  "mailbox would exceed maximum allowed storage",
  "mailfolder is full",
  "no space left on device",
  "not sufficient disk space",
  "quota violation for",
  "too much mail data", // NTT docomo
  "user has exceeded quota, bouncing mail",
  "user has too many messages on the server",
  "user's space has been used up",
  "the email account that you tried to reach is over quota", // Gmail
  "mailbox is full",
  /account is .* quota/,
  /disk.*quota/,
  /enough .* space/,
  /mailbox .*exceeded.* limit/,
  /mailbox .*full/,
  /mailbox .*quota/,
  /maildir .*quota/,
  /over .*quota/,
  /quota .*exceeded/,
];

/** The message is bigger than a per-mailbox limit. */
export const EXCEED_LIMIT: readonly Phrase[] = ["message header size exceeds limit", "message too large"];

/** The message is bigger than the system accepts. */
export const MESG_TOO_BIG: readonly Phrase[] = [
  "exceeded maximum inbound message size",
  "exceeded the maximum incoming message size",
  "line limit exceeded",
  "max message size exceeded",
  "message file too big",
  "message length exceeds administrative limit",
  "message size exceeds fixed limit",
  "message size exceeds fixed maximum message size",
  "message size exceeds maximum value",
  "message too big",
  "size limit",
  "taille limite du message atteinte", // Orange
];

/** The destination system's disk is full. */
export const SYSTEM_FULL: readonly Phrase[] = [
  "mail system full",
  "requested mail action aborted: exceeded storage allocation", // Exchange
];
