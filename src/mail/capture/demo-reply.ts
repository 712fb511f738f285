/**
 * The words the demo capture relay puts in its 250 reply. The reply is what the worker records as the relay's
 * evidence (on the accept event and as the delivery's last reply), so every delivery that went to the capture relay
 * carries them for good, and `deliveries` and `proof` can say it was never delivered.
 */
export const DEMO_REPLY_TAG = "DEMO-CAPTURE";

/** What facteur prints wherever a demo delivery shows. */
export const DEMO_NOTICE = "demo: captured locally, not delivered";

/** True when a relay reply text is the capture relay's: the message was kept on this machine, not delivered. */
export function isDemoReply(text: string | null | undefined): boolean {
  return typeof text === "string" && text.includes(DEMO_REPLY_TAG);
}
