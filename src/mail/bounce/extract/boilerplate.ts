/**
 * Sentences every bounce of a given mail system carries whatever went wrong. They are removed before a whole notice
 * is used as a diagnostic, so that only the words about this failure are classified.
 */
const BOILERPLATE: readonly RegExp[] = [
  /this is the mail system at host [^\n]*/gi,
  /i'm sorry to have to inform you that your message could not\s+be delivered to one or more\s+recipients\.(?:\s+it's attached below\.)?/gi,
  /for further assistance, please (?:send mail to|contact) [^\n]*/gi,
  /if you do so, please include this problem report\.\s+you can\s+delete your own text from the (?:attached returned message|message returned below)\./gi,
  /^[ \t]*the mail system[ \t]*$/gim,
  /-+\s*delivery report unavailable\s*-+/gi,
  /this is an automatically generated delivery status notification\.?/gi,
  /this message was created automatically by mail delivery software\.?/gi,
  /this is a mime-encapsulated message\.?/gi,
  /this is a multi-part message in mime format\.?/gi,
  /delivery to the following recipients? failed permanently:?/gi,
  /the following addresses had permanent (?:fatal|delivery) errors/gi,
  /the original message was received at [^\n]*/gi,
  /hi\. this is the qmail-send program at [^\n]*/gi,
  /i'm afraid i wasn't able to deliver your message to the following addresses\./gi,
  /this is a permanent error; i've given up\. sorry it didn't work out\./gi,
  /a message that you sent could not be delivered to one or more of its\s+recipients\. this is a permanent error\. the following address\(es\) failed:/gi,
];

/** The notice without the mail systems' standard sentences. */
export function stripBoilerplate(notice: string): string {
  let text = notice;
  for (const re of BOILERPLATE) text = text.replace(re, " ");
  return text;
}
