import { LIMITS } from "../mime/limits.ts";

/**
 * Lines where the human-readable notice ends and the returned message begins, in the words of many servers
 * (Exim, qmail, Gmail, Sendmail, Notes, DragonFly, Yahoo, ...).
 */
const ORIGINAL_MARKERS: readonly RegExp[] = [
  /^[ \t]*[-=_*]{2,}[ \t]*(?:this is a copy of|below this line is a copy|a copy of the|original message|original mail|returned message|returned mail|unsent message|the original message|undelivered message|message headers follow|headers of the|copy of (?:the )?(?:original|message)|rejected message|erhaltene nachricht|original-nachricht|message d'origine)/im,
  /^[ \t]*(?:message headers follow|original message follows|original message(?: headers?)?:?$|the original message (?:headers? )?(?:is|are|was|were) (?:attached|included|below|as follows)|------ original message ------)/im,
  /^[ \t]*(?:Return-Path|Received|DKIM-Signature|X-Received|ARC-Seal):[^\n]*\n(?:[ \t][^\n]*\n)*[A-Za-z][A-Za-z0-9-]{0,60}:/m,
];

/** The notice part of a text, before the quoted original message; bounded to {@link LIMITS.maxNoticeChars}. */
export function cutAtOriginal(text: string): string {
  let end = Math.min(text.length, LIMITS.maxNoticeChars);
  const head = text.slice(0, end);
  for (const marker of ORIGINAL_MARKERS) {
    const m = marker.exec(head);
    if (m !== null && m.index < end) end = m.index;
  }
  return head.slice(0, end);
}
