import MailComposer, { type MailComposerOptions } from "nodemailer/lib/mail-composer";

/** Builds the RFC 5322 bytes of a message with nodemailer's MailComposer (CRLF line ends, no file or URL access). */
export function buildMime(options: MailComposerOptions): Promise<Buffer> {
  const composer = new MailComposer({
    ...options,
    newline: "windows",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}
