import type { DocumentValidator } from "../app/ports/document-validator.ts";
import { validateDocument } from "./validation/validate-document.ts";

/** The EN 16931 and Peppol BIS Billing 3.0 rules of src/documents/validation, behind the app's port. */
export const documentValidator: DocumentValidator = { validate: validateDocument };
