import { Command, Option } from "commander";
import { changeRecipient, recipientChangeError } from "../../app/change-recipient.ts";
import type { Store } from "../../app/ports/store.ts";
import type { AuditRecord } from "../../core/audit/audit-entry.ts";
import type { Customer } from "../../core/customer/customer.ts";
import { hasCentralMailbox } from "../../core/customer/has-central-mailbox.ts";
import { mainRecipients } from "../../core/customer/main-recipients.ts";
import { RECIPIENT_ROLES, type Recipient, type RecipientRole } from "../../core/customer/recipient.ts";
import type { RecipientChange } from "../../core/customer/recipient-change.ts";
import { sameAddress } from "../../core/customer/same-address.ts";
import { suggestRole } from "../../core/customer/suggest-role.ts";
import { AppError } from "../../core/errors/app-error.ts";
import type { CliDeps } from "../cli-deps.ts";
import { withStore } from "../context.ts";
import { json, table } from "../format.ts";
import { runAction } from "../run-action.ts";

async function requireCustomer(store: Store, number: string): Promise<Customer> {
  const customer = await store.getCustomer(number);
  if (customer === null) throw new AppError("not-found", `no customer ${number}`);
  return customer;
}

function describeEntry(r: AuditRecord): string {
  const show = (v: unknown) => (v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  const what =
    r.action === "create"
      ? `created ${r.entity.type} ${r.entity.type === "recipient" ? show((r.newValue as { email?: unknown }).email) : r.entity.id}`
      : `${r.entity.type} ${r.field}: ${show(r.oldValue)} -> ${show(r.newValue)}`;
  return `${r.at.toISOString()}  ${r.actor.kind}:${r.actor.id}  ${what}${r.reason ? `  (${r.reason})` : ""}`;
}

/** `facteur customers ...`: the registry, recipients by role, and each customer's audited timeline. */
export function customersCommand(deps: CliDeps): Command {
  const { io } = deps;
  const command = new Command("customers").description(
    "list and show customers, change their recipients, read their history",
  );

  command
    .command("list")
    .description("list customers (all, page by page)")
    .option("--search <text>", "part of the number or name")
    .addOption(new Option("--channel <channel>", "preferred channel").choices(["email", "peppol", "paper"]))
    .option("--json", "one JSON object per line")
    .action((opts: { search?: string; channel?: "email" | "peppol" | "paper"; json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          let after: string | undefined;
          const rows: string[][] = [];
          do {
            const page = await store.listCustomers({
              ...(opts.search ? { search: opts.search } : {}),
              ...(opts.channel ? { preferredChannel: opts.channel } : {}),
              ...(after ? { after } : {}),
              limit: 1000,
            });
            for (const c of page.customers) {
              if (opts.json) io.out(json(c));
              else rows.push([c.number, c.legalName, c.language, c.preferredChannel, c.vatNumber ?? ""]);
            }
            after = page.next ?? undefined;
          } while (after);
          if (!opts.json) io.out(table(["NUMBER", "NAME", "LANG", "CHANNEL", "VAT"], rows));
          return 0;
        }),
      ),
    );

  command
    .command("show <number>")
    .description("a customer with its recipients by role")
    .option("--json", "as JSON")
    .action((number: string, opts: { json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          const customer = await requireCustomer(store, number);
          const recipients = await store.listRecipients(number);
          const main = mainRecipients(recipients);
          if (opts.json) {
            io.out(
              json({
                ...customer,
                recipients,
                hasCentralMailbox: hasCentralMailbox(recipients),
                mainRecipients: main.map((r) => r.email),
              }),
            );
            return 0;
          }
          const a = customer.address;
          io.out(`${customer.number}  ${customer.legalName}`);
          io.out(
            `  enterprise ${customer.enterpriseNumber ?? "—"}  VAT ${customer.vatNumber ?? "—"}  Peppol ${customer.peppolId ?? "—"}`,
          );
          io.out(`  ${[a.street, a.postalCode, a.city, a.country].filter(Boolean).join(", ")}`);
          io.out(
            `  language ${customer.language}, channel ${customer.preferredChannel}, terms ${customer.paymentTermsDays} days`,
          );
          io.out(
            `  central invoice mailbox: ${hasCentralMailbox(recipients) ? "yes" : "no"}; invoices go to: ${main.map((r) => r.email).join(", ") || "nobody (no usable recipient)"}`,
          );
          io.out("");
          io.out(
            table(
              ["ROLE", "EMAIL", "NAME", "STATUS", "REASON"],
              recipients.map((r) => [r.role, r.email, r.name ?? "", r.status, r.statusReason ?? ""]),
            ),
          );
          return 0;
        }),
      ),
    );

  command
    .command("history <number>")
    .description("everything that changed for a customer and its recipients, oldest first")
    .option("--json", "one JSON object per line")
    .action((number: string, opts: { json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          await requireCustomer(store, number);
          for (const r of await store.history({ type: "customer", id: number }))
            io.out(opts.json ? json(r) : describeEntry(r));
          return 0;
        }),
      ),
    );

  command
    .command("set-recipient <number>")
    .description("add a recipient, or give an existing address a new role or reactivate it")
    .requiredOption("--email <address>", "the address")
    .addOption(new Option("--role <role>", "its role").choices([...RECIPIENT_ROLES]).makeOptionMandatory())
    .option("--name <name>", "display name of a person")
    .option("--reason <text>", "why (kept in the audit log)")
    .action((number: string, opts: { email: string; role: RecipientRole; name?: string; reason?: string }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          await requireCustomer(store, number);
          const suggestion = suggestRole(opts.email);
          if (opts.role === "person" && suggestion.role === "invoice-mailbox") {
            io.err(
              `note: ${opts.email} looks like a shared invoice mailbox (${suggestion.reason}); consider --role invoice-mailbox`,
            );
          }
          const result = await store.transaction(async (unit) => {
            const current = await unit.listRecipients(number);
            const existing =
              current.find((r) => sameAddress(r.email, opts.email) && r.status !== "removed") ??
              current.find((r) => sameAddress(r.email, opts.email));
            const context = { at: deps.now(), actor: deps.actor, reason: opts.reason ?? null };
            const steps: RecipientChange[] =
              existing === undefined
                ? [
                    {
                      kind: "add",
                      id: deps.newId(),
                      role: opts.role,
                      email: opts.email,
                      name: opts.name ?? null,
                    },
                  ]
                : [
                    ...(existing.status !== "active"
                      ? [{ kind: "reactivate", id: existing.id } as const]
                      : []),
                    ...(existing.role !== opts.role
                      ? [{ kind: "change-role", id: existing.id, role: opts.role } as const]
                      : []),
                  ];
            if (steps.length === 0)
              throw new AppError(
                "conflict",
                `${opts.email} is already an active ${opts.role} recipient of ${number}`,
              );
            let recipients: readonly Recipient[] = current;
            for (const step of steps) {
              const outcome = await changeRecipient(unit, number, step, context);
              if (!outcome.ok) throw recipientChangeError(outcome.error);
              recipients = outcome.value;
            }
            return recipients;
          });
          io.out(
            `${number}: invoices now go to ${
              mainRecipients(result)
                .map((r) => r.email)
                .join(", ") || "nobody"
            }`,
          );
          return 0;
        }),
      ),
    );

  command
    .command("remove-recipient <number>")
    .description("stop sending to an address (kept in the history as removed)")
    .requiredOption("--email <address>", "the address")
    .requiredOption("--reason <text>", "why (kept in the audit log)")
    .action((number: string, opts: { email: string; reason: string }) =>
      runAction(io, () =>
        withStore(deps.config, async (store) => {
          await requireCustomer(store, number);
          const result = await store.transaction(async (unit) => {
            const current = await unit.listRecipients(number);
            const targets = current.filter((r) => sameAddress(r.email, opts.email) && r.status !== "removed");
            if (targets.length === 0)
              throw new AppError("not-found", `${number} has no current recipient ${opts.email}`);
            let recipients: readonly Recipient[] = current;
            for (const target of targets) {
              const outcome = await changeRecipient(
                unit,
                number,
                { kind: "remove", id: target.id, reason: opts.reason },
                {
                  at: deps.now(),
                  actor: deps.actor,
                  reason: opts.reason,
                },
              );
              if (!outcome.ok) throw recipientChangeError(outcome.error);
              recipients = outcome.value;
            }
            return recipients;
          });
          const main = mainRecipients(result);
          io.out(
            `${number}: invoices now go to ${main.map((r) => r.email).join(", ") || "nobody: add a recipient before the next invoice"}`,
          );
          return 0;
        }),
      ),
    );
  return command;
}
