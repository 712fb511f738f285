/** Lifecycle of a scheme in the Peppol code list. */
export type PeppolSchemeState = "active" | "deprecated" | "removed";

/** One participant identifier scheme of the Peppol code list. */
export interface PeppolScheme {
  /** ISO 6523 ICD, the part before the colon in `0208:0123456749`. */
  readonly icd: string;
  /** Peppol's short name, e.g. "BE:EN". */
  readonly schemeId: string;
  readonly state: PeppolSchemeState;
  /** False for schemes that cannot be registered in the SML, so no participant can be found under them. */
  readonly registrable: boolean;
  /** The scheme the code list names as replacement, where it names one. */
  readonly replacedBy?: string;
}

// Peppol Code Lists, "Participant identifier schemes" v9.7 (105 entries): "icd schemeId state [registrable]".
// State letters: a = active, d = deprecated, r = removed; "-" marks a non-registrable scheme.
const CODE_LIST = `0002 FR:SIRENE a|0007 SE:ORGNR a|0009 FR:SIRET a|0037 FI:OVT r -|0060 DUNS a|0088 GLN a|0096 DK:P a
0097 IT:FTI a|0106 NL:KVK a|0130 EU:NAL a|0135 IT:SIA a|0142 IT:SECETI a|0151 AU:ABN a|0158 SK:ICO a|0183 CH:UIDB a
0184 DK:DIGST a|0188 JP:SST a|0190 NL:OINO a|0191 EE:CC a|0192 NO:ORG a|0193 UBLBE d|0195 SG:UEN a|0196 IS:KTNR a
0198 DK:ERST a|0199 LEI a|0200 LT:LEC a|0201 IT:CUUO a|0204 DE:LWID a|0205 IT:COD a -|0208 BE:EN a|0209 GS1 a
0210 IT:CFI a|0211 IT:IVA a|0212 FI:ORG r -|0213 FI:VAT r -|0215 FI:NSI r -|0216 FI:OVT2 a|0218 LV:URN a|0221 JP:IIN a
0225 FR:CTC a|0230 MY:EIF a|0235 AE:TIN a|0240 LU:MAT a|0242 SPIS a|0244 NG:TID a|0245 SK:DIC a|0246 DE:GEBA a
0248 OM:VAT a|9901 DK:CPR r -|9902 DK:CVR r -|9904 DK:SE r -|9905 DK:VANS r -|9906 IT:VAT r -|9907 IT:CF r -
9908 NO:ORGNR r -|9909 NO:VAT d|9910 HU:VAT a|9912 EU:VAT d|9913 EU:REID a|9914 AT:VAT a|9915 AT:GOV a|9916 AT:CID d
9917 IS:KT d|9918 IBAN a|9919 AT:KUR a|9920 ES:VAT a|9921 IT:IPA r -|9922 AD:VAT a|9923 AL:VAT a|9924 BA:VAT a
9925 BE:VAT a|9926 BG:VAT a|9927 CH:VAT a|9928 CY:VAT a|9929 CZ:VAT a|9930 DE:VAT a|9931 EE:VAT a|9932 GB:VAT a
9933 GR:VAT a|9934 HR:VAT a|9935 IE:VAT a|9936 LI:VAT a|9937 LT:VAT a|9938 LU:VAT a|9939 LV:VAT a|9940 MC:VAT a
9941 ME:VAT a|9942 MK:VAT a|9943 MT:VAT a|9944 NL:VAT a|9945 PL:VAT a|9946 PT:VAT a|9947 RO:VAT a|9948 RS:VAT a
9949 SI:VAT a|9950 SK:VAT a|9951 SM:VAT a|9952 TR:VAT a|9953 VA:VAT a|9954 NL:OIN r -|9955 SE:VAT r -|9956 BE:CBE r -
9957 FR:VAT a|9958 DE:LID r -|9959 US:EIN a`;

// Replacements named in the code list's "usage" column.
const REPLACED_BY: Readonly<Record<string, string>> = {
  "0193": "0208",
  "9908": "0192",
  "9917": "0196",
  "9954": "0190",
  "9956": "0208",
  "9958": "0204",
};

const STATES: Readonly<Record<string, PeppolSchemeState>> = { a: "active", d: "deprecated", r: "removed" };

/** All participant identifier schemes of the Peppol code list v9.7, by ICD. */
export const PEPPOL_SCHEMES: ReadonlyMap<string, PeppolScheme> = new Map(
  CODE_LIST.split(/[|\n]/).map((entry): [string, PeppolScheme] => {
    const [icd = "", schemeId = "", state = "", registrable] = entry.split(" ");
    const replacedBy = REPLACED_BY[icd];
    const parsedState = STATES[state];
    if (parsedState === undefined) throw new Error(`Peppol code list entry "${entry}" has no valid state`);
    const scheme = { icd, schemeId, state: parsedState, registrable: registrable !== "-" };
    return [icd, replacedBy === undefined ? scheme : { ...scheme, replacedBy }];
  }),
);
