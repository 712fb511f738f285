import MailComposer, { type MailComposerOptions } from "nodemailer/lib/mail-composer";

/**
 * Builds the RFC 5322 bytes of a message with nodemailer's MailComposer, with no file or URL access. MailComposer
 * writes headers, boundaries and base64 with CRLF but keeps the line ends of text bodies, so `text` and `html` must
 * use CRLF already: that is cheaper than nodemailer's newline conversion, which rescans the whole message.
 */
export function buildMime(options: MailComposerOptions): Promise<Buffer> {
  const composer = new MailComposer({ ...options, disableFileAccess: true, disableUrlAccess: true });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}
