/** One reason an SBDH is not accepted, or one warning: the field (an SBDH path) and what is wrong with it. */
export interface SbdhProblem {
  /** E.g. `SBDH/Sender/Identifier/@Authority` or `SBDH/BusinessScope/Scope[3]/InstanceIdentifier`. */
  readonly field: string;
  readonly message: string;
}
