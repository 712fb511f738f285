import { parsePeppolId } from "../core/identifiers/peppol-id.ts";
import { err, ok, type Result } from "../core/result.ts";

function items(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Why a comma-separated list of Peppol participant ids is refused: one sentence per bad id; empty when it is valid. */
export function participantListProblems(text: string): string[] {
  const listed = items(text);
  if (text.trim() !== "" && listed.length === 0)
    return ["a comma-separated list of ids such as 0208:0123456749"];
  return listed.flatMap((item) => {
    const parsed = parsePeppolId(item);
    return parsed.ok ? [] : [parsed.error.message];
  });
}

/**
 * The participant ids of a comma-separated list, normalised (`ICD:value`, the value in lower case as Peppol compares
 * it) and without repeats; the problems of the bad ones otherwise, each naming `variable`.
 */
export function parseParticipantList(variable: string, text: string): Result<string[], string[]> {
  const problems = participantListProblems(text);
  if (problems.length > 0) return err(problems.map((problem) => `${variable}: ${problem}`));
  const ids = items(text).map((item) => {
    const parsed = parsePeppolId(item);
    return parsed.ok ? parsed.value : item;
  });
  return ok([...new Set(ids)]);
}
