import type { SbdhHeader } from "../../../core/peppol/sbdh-header.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { parseXml, type XmlReadOptions } from "../../ubl/parse-xml.ts";
import { firstChild, textOf, type XmlElement } from "../../ubl/xml-element.ts";
import { checkSbdhPayload } from "./check-sbdh-payload.ts";
import { readSbdhPartner } from "./read-sbdh-partner.ts";
import { readSbdhScopes } from "./read-sbdh-scopes.ts";
import { SBDH_HEADER_VERSION, SBDH_NS } from "./sbdh-namespaces.ts";
import type { SbdhProblem } from "./sbdh-problem.ts";

/** An accepted Standard Business Document: its header, its business message, and what is odd but allowed. */
export interface SbdhDocument {
  readonly header: SbdhHeader;
  readonly businessMessage: XmlElement;
  readonly warnings: readonly SbdhProblem[];
}

/** xs:dateTime: date, time, optional fraction and optional time zone, with the calendar checked. */
function isDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/.exec(
    value,
  );
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0));
  return date.getUTCDate() === d && (h ?? 0) < 24 && (mi ?? 0) < 60 && (s ?? 0) < 60;
}

function businessMessageOf(root: XmlElement, problems: SbdhProblem[]): XmlElement | undefined {
  const [first, payload, ...rest] = root.children;
  if (
    payload &&
    first?.ns === SBDH_NS &&
    first.name === "StandardBusinessDocumentHeader" &&
    rest.length === 0
  )
    return payload;
  const message =
    payload === undefined
      ? root.text.trim() === ""
        ? "there is no business message after the header"
        : "the business message is text, not an XML element"
      : "the StandardBusinessDocument must hold the header and exactly one business message";
  problems.push({ field: "business message", message });
  return undefined;
}

/**
 * Reads and validates a Peppol Business Message Envelope (SBDH 2.0) as a receiving access point must: header
 * version, one sender and one receiver with their participant scheme, document identification, the business
 * scopes (document type, process, COUNTRY_C1, MLS_TO, MLS_TYPE) and their agreement with the business message.
 * Every problem found is returned, each naming its field.
 */
export function readSbdh(
  input: string | Buffer,
  options: XmlReadOptions = {},
): Result<SbdhDocument, readonly SbdhProblem[]> {
  const parsed = parseXml(input, options);
  if (!parsed.ok) return err([{ field: "XML", message: parsed.error.message }]);
  const root = parsed.value;
  if (root.ns !== SBDH_NS || root.name !== "StandardBusinessDocument")
    return err([
      { field: "SBDH", message: `the root element is ${root.name}, not a StandardBusinessDocument` },
    ]);
  const header = firstChild(root, SBDH_NS, "StandardBusinessDocumentHeader");
  if (!header) return err([{ field: "SBDH", message: "there is no StandardBusinessDocumentHeader" }]);
  const problems: SbdhProblem[] = [];
  const warnings: SbdhProblem[] = [];
  const version = textOf(firstChild(header, SBDH_NS, "HeaderVersion"));
  if (version !== SBDH_HEADER_VERSION)
    problems.push({
      field: "SBDH/HeaderVersion",
      message: `the HeaderVersion must be 1.0, not "${version ?? ""}"`,
    });
  const sender = readSbdhPartner(header, "Sender", problems, warnings);
  const receiver = readSbdhPartner(header, "Receiver", problems, warnings);
  const identification = firstChild(header, SBDH_NS, "DocumentIdentification");
  const field = (name: string) => {
    const value = textOf(firstChild(identification, SBDH_NS, name));
    if (value === undefined)
      problems.push({ field: `SBDH/DocumentIdentification/${name}`, message: `${name} is missing or empty` });
    return value;
  };
  const [standard, typeVersion, instanceIdentifier, type, created] = [
    field("Standard"),
    field("TypeVersion"),
    field("InstanceIdentifier"),
    field("Type"),
    field("CreationDateAndTime"),
  ];
  if (created !== undefined && !isDateTime(created))
    problems.push({
      field: "SBDH/DocumentIdentification/CreationDateAndTime",
      message: `"${created}" is not a date and time (xs:dateTime)`,
    });
  const scopes = readSbdhScopes(header, problems, warnings);
  const businessMessage = businessMessageOf(root, problems);
  if (businessMessage && scopes.documentType)
    checkSbdhPayload({ standard, type, typeVersion }, businessMessage, scopes.documentType, problems);
  const { documentType, process, countryC1, mlsTo, mlsType, additionalAttributes } = scopes;
  if (
    problems.length > 0 ||
    !sender ||
    !receiver ||
    !documentType ||
    !process ||
    !countryC1 ||
    !businessMessage
  )
    return err(problems);
  if (!standard || !typeVersion || !type || !instanceIdentifier || !created) return err(problems);
  return ok({
    header: {
      sender,
      receiver,
      documentType,
      process,
      countryC1,
      standard,
      typeVersion,
      type,
      instanceIdentifier,
      creationDateTime: created,
      ...(mlsTo ? { mlsTo } : {}),
      ...(mlsType ? { mlsType } : {}),
      additionalAttributes,
    },
    businessMessage,
    warnings,
  });
}
