import type { MailTransport } from "../../app/ports/mail-transport.ts";
import type { MessageComposer } from "../../app/ports/message-composer.ts";
import { mailNotConfigured } from "./delivery-deps.ts";

/**
 * The mail side of a worker that has no relay (a Peppol-only setup). Such a worker never claims e-mail jobs; should
 * one reach these adapters all the same, the attempt fails with the error naming the mail settings to set rather
 * than with an unrelated one.
 */
export function mailNotConfiguredAdapters(): { transport: MailTransport; composer: MessageComposer } {
  const refuse = (): Promise<never> => Promise.reject(mailNotConfigured("an e-mail delivery has to go out"));
  return {
    transport: { submit: refuse, close: () => Promise.resolve() },
    composer: { compose: refuse },
  };
}
