import type { JsonValue } from "./json-value.ts";

/** Who can change something: a person, an API token, an import file, the CLI, or facteur itself. */
export const AUDIT_ACTOR_KINDS = ["user", "api-token", "import", "cli", "system"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** What kinds of things the audit trail records changes to. */
export const AUDIT_ENTITY_TYPES = ["customer", "recipient", "invoice"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** What kind of change an entry records: `create` and `delete` concern a whole entity, the others one field. */
export const AUDIT_ACTIONS = ["create", "update", "status", "delete"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change; `id` names them within their kind (user login, token id, import file name, ...). */
export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
}

/** The thing that changed, by its type and its id (customer number, recipient uuid, invoice id). */
export interface AuditEntity {
  readonly type: AuditEntityType;
  readonly id: string;
}

/** One change, as a caller asks for it to be appended to the audit trail. */
export interface AuditEntry {
  /** When the change happened; passed in by the caller, the core has no clock. */
  readonly at: Date;
  readonly actor: AuditActor;
  readonly entity: AuditEntity;
  /** The changed field as a dotted path (`address.city`); null for changes to the whole entity. */
  readonly field: string | null;
  readonly action: AuditAction;
  /** Value before the change; null when there was none. */
  readonly oldValue: JsonValue;
  /** Value after the change; null when there is none. */
  readonly newValue: JsonValue;
  /** Why the change was made, when the actor said so. */
  readonly reason: string | null;
}

/** An appended entry: its place in the chain (`seq`, from 1 without gaps) and the hashes that link it. */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}
