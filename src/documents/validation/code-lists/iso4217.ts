import { ISO_4217 as CORE_ISO_4217 } from "../../../core/money/currency.ts";
import type { CodeList } from "./code-list.ts";

/**
 * ISO 4217 alpha-3 currency codes for EN 16931 BR-CL-03/04/05: the core's list, the one the edge accepts, so that an
 * invoice is never accepted at the edge and refused for its currency by the validator (or the other way round).
 */
export const ISO_4217: CodeList = CORE_ISO_4217;
