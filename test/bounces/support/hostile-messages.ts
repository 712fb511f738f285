/**
 * Messages a bounce intake must survive, as a careless or hostile sender would write them: a 50 MB notice, 10,000
 * MIME parts, 100 levels of nesting, and broken encodings of every kind. Each is tagged with a unique subject.
 */

function head(subject: string, contentType: string): string {
  return [
    "From: MAILER-DAEMON@elsewhere.test",
    "To: bounces@bounces.facteur.test",
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    `Content-Type: ${contentType}`,
    "",
    "",
  ].join("\r\n");
}

/** A notice padded with a `megabytes` MB base64 attachment. */
export function hugeMessage(subject: string, megabytes: number): Buffer {
  const line = `${"QUJD".repeat(19)}\r\n`;
  const lines = Math.ceil((megabytes * 1024 * 1024) / line.length);
  const top = head(subject, 'multipart/mixed; boundary="b"');
  const parts = [
    top,
    "--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n",
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n",
  ].join("");
  return Buffer.concat([Buffer.from(parts), Buffer.from(line.repeat(lines)), Buffer.from("--b--\r\n")]);
}

/** A multipart message with `count` small parts. */
export function manyParts(subject: string, count: number): Buffer {
  const body: string[] = [head(subject, 'multipart/mixed; boundary="p"')];
  for (let i = 0; i < count; i++) body.push(`--p\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
  body.push("--p--\r\n");
  return Buffer.from(body.join(""));
}

/** Multiparts nested `depth` deep, with an attached message at every other level. */
export function deepNesting(subject: string, depth: number): Buffer {
  let inner = "Content-Type: text/plain\r\n\r\nthe bottom\r\n";
  for (let level = depth; level > 0; level--) {
    inner =
      level % 2 === 0
        ? `Content-Type: message/rfc822\r\n\r\nSubject: level ${level}\r\n${inner}`
        : `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${inner}\r\n--n${level}--\r\n`;
  }
  return Buffer.from(`${head(subject, 'multipart/mixed; boundary="top"')}--top\r\n${inner}\r\n--top--\r\n`);
}

/** A report with every encoding broken: bad base64, truncated quoted-printable, an unknown charset, raw 8-bit headers, unterminated boundaries. */
export function brokenEncodings(subject: string): Buffer {
  const text = [
    head(subject, 'multipart/report; report-type=delivery-status; boundary="x"'),
    "--x\r\nContent-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
    "Delivery to =E9=\r\nfailed =ZZ =\r\n",
    "--x\r\nContent-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    "!!!not*base64@@@\r\nRmluYWwtUmVjaXBpZW50OiByZmM4MjI7IA===\r\n",
    "--x\r\nContent-Type: text/rfc822-headers; charset=utf-8\r\n\r\n",
    "Subject: =?utf-8?B?broken?= =?iso-8859-1?Q?caf=E9?= =?unknown?X?zz?=\r\n",
    "Message-ID: <\r\n",
    '--x\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\n',
  ].join("");
  return Buffer.concat([
    Buffer.from(text),
    Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0d, 0x0a, 0xe2, 0x82]),
  ]);
}
