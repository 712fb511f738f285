import type { Rule } from "../rule.ts";
import { brAeRules } from "./br-ae.ts";
import { brAfRules } from "./br-af.ts";
import { brAgRules } from "./br-ag.ts";
import { brBRules } from "./br-b.ts";
import { brClRules } from "./br-cl.ts";
import { brCoRules } from "./br-co.ts";
import { brCoreDocumentRules } from "./br-core-document.ts";
import { brCoreGroupRules } from "./br-core-groups.ts";
import { brCoreLineRules } from "./br-core-lines.ts";
import { brDecRules } from "./br-dec.ts";
import { brERules } from "./br-e.ts";
import { brGRules } from "./br-g.ts";
import { brIcRules } from "./br-ic.ts";
import { brORules } from "./br-o.ts";
import { brSRules } from "./br-s.ts";
import { brZRules } from "./br-z.ts";
import { peppolRules } from "./peppol.ts";
import { peppolCodeRules } from "./peppol-codes.ts";
import { peppolCommonRules } from "./peppol-common.ts";
import { ublSyntaxRules } from "./ubl-syntax.ts";

/** Every implemented rule, in family order. */
export const ALL_RULES: readonly Rule<unknown>[] = [
  ...brCoreDocumentRules,
  ...brCoreLineRules,
  ...brCoreGroupRules,
  ...brCoRules,
  ...brClRules,
  ...brDecRules,
  ...brSRules,
  ...brZRules,
  ...brERules,
  ...brAeRules,
  ...brIcRules,
  ...brGRules,
  ...brORules,
  ...brAfRules,
  ...brAgRules,
  ...brBRules,
  ...ublSyntaxRules,
  ...peppolRules,
  ...peppolCommonRules,
  ...peppolCodeRules,
];
