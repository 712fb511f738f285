import { UNCL_4451 } from "../code-lists/uncl.ts";

const SUBJECT_TEXT = ` ${[...UNCL_4451].join(" ")} `;

/**
 * BR-CL-08 as the CEN schematron tests a note: when it holds a `#XXX#` prefix whose middle part is three characters
 * long, those three characters must occur in the UNCL 4451 list (tested with `contains` on the space-separated list,
 * reproduced here); any other note passes.
 */
export function noteSubjectIsValid(note: string): boolean {
  const afterFirst = note.indexOf("#");
  if (afterFirst < 0) return true;
  const rest = note.substring(afterFirst + 1);
  const end = rest.indexOf("#");
  const subject = end < 0 ? "" : rest.substring(0, end);
  return subject.length !== 3 || SUBJECT_TEXT.includes(subject);
}
