import { type HeaderField, headerValue } from "../mime/headers.ts";

/** Out-of-office subjects in several languages (RFC 3834 replies rarely say so in a header). */
const SUBJECT_RE = new RegExp(
  [
    "^\\s*auto(?:matic|matische?)?[ -]?(?:reply|response|respon[sd]er|antwort|answer)\\b",
    "^\\s*auto:",
    "out of (?:the )?office",
    "\\baway (?:from|until)\\b",
    "\\bon (?:vacation|holiday|leave)\\b",
    "abwesenheit",
    "r[ée]ponse automatique",
    "absence",
    "respuesta autom[áa]tica",
    "fuera de (?:la )?oficina",
    "risposta automatica",
    "fuori sede",
    "automatisch antwoord",
    "afwezig",
    "resposta autom[áa]tica",
    "autosvar",
    "automaattinen vastaus",
    "odpowied[źz] automatyczna",
    "автоответ",
    "自動応答",
    "自動返信",
    "自动回复",
    "不在",
  ].join("|"),
  "i",
);

/** Body phrases of vacation notices. */
const BODY_RE =
  /\b(?:i am|i'm|i will be) (?:currently )?(?:out of (?:the )?office|away|on (?:vacation|holiday|leave)|traveling|travelling)\b|\bi am away\b|\breturning to the office\b|\bich bin (?:bis|vom|derzeit|zur zeit)\b|\bje suis absent/i;

/**
 * Why a message reads as an RFC 3834 automatic reply (the header or phrase that says so), or "" when it does not.
 * Call it only for messages that are not bounces: bounces carry `Auto-Submitted: auto-replied` too.
 */
export function autoReplySignal(headers: readonly HeaderField[], subject: string, body: string): string {
  const submitted = headerValue(headers, "auto-submitted").toLowerCase();
  if (submitted.startsWith("auto-replied")) return "auto-submitted";
  for (const name of [
    "x-autoreply",
    "x-autorespond",
    "x-autoresponder",
    "x-auto-reply",
    "x-autoreply-from",
  ]) {
    const value = headerValue(headers, name).toLowerCase();
    if (value !== "" && value !== "no" && value !== "false") return name;
  }
  if (/^auto[_-]?reply$/i.test(headerValue(headers, "precedence").trim())) return "precedence";
  if (/vacation/i.test(headerValue(headers, "x-apple-action"))) return "x-apple-action";
  if (SUBJECT_RE.test(subject)) return "subject";
  if (submitted.startsWith("auto-") && BODY_RE.test(body.slice(0, 4000))) return "body";
  return "";
}
