import { request } from "node:https";

/** What the receiver answered. */
export interface As4Answer {
  readonly status: number;
  readonly body: Buffer;
}

/** A POST stopped halfway through its body: the receiver holds it as a request in flight. */
export interface HalfSentPost {
  /** Sends the rest of the body and resolves with the answer. */
  finish(): Promise<As4Answer>;
  /** The answer, or the error that ended the connection first (the receiver cut it). */
  readonly outcome: Promise<As4Answer>;
}

/**
 * Starts POSTing `body` to `url` and stops halfway through it, once the receiver has taken the request: it asks for
 * `100 Continue` first, which the server only sends when it has parsed the request and handed it to its handler. So
 * the caller knows, without waiting on a clock, that the request is in flight.
 */
export function startHalfSentPost(
  url: string,
  message: { readonly contentType: string; readonly body: Buffer },
  caPem: string,
): Promise<HalfSentPost> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      ca: caPem,
      agent: false,
      headers: {
        "content-type": message.contentType,
        "content-length": message.body.length,
        expect: "100-continue",
      },
    });
    const answer = new Promise<As4Answer>((done, fail) => {
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on("error", fail);
      });
      req.on("error", fail);
    });
    answer.catch(reject);
    req.once("continue", () => {
      const half = Math.floor(message.body.length / 2);
      req.write(message.body.subarray(0, half), () =>
        resolve({
          finish: () => {
            req.end(message.body.subarray(half));
            return answer;
          },
          outcome: answer,
        }),
      );
    });
  });
}
