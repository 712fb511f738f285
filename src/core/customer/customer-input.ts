/** A customer as it arrives from an import or a form: untrimmed text, blanks for missing identifiers. */
export interface CustomerInput {
  readonly number: string;
  readonly legalName: string;
  readonly enterpriseNumber?: string | null;
  readonly vatNumber?: string | null;
  readonly peppolId?: string | null;
  readonly language: string;
  readonly address: {
    readonly street?: string | null;
    readonly additionalStreet?: string | null;
    readonly city?: string | null;
    readonly postalCode?: string | null;
    readonly countrySubdivision?: string | null;
    readonly country: string;
  };
  readonly preferredChannel: string;
  readonly paymentTermsDays: number;
}

/** One problem with one field; `field` is the input path, e.g. "address.country". */
export interface CustomerFieldError {
  readonly field: string;
  readonly message: string;
}
