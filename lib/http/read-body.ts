import { AppError } from "../errors/app-error";

/** A 413 that keeps the start of what was read, for the record of refused requests. */
export class BodyTooLargeError extends AppError {
  constructor(
    readonly maxBytes: number,
    /** The bytes read before the limit was passed (none when Content-Length gave it away). */
    readonly head: Uint8Array,
    /** What Content-Length declared, or what was read by the time the limit was passed. */
    readonly seenBytes: number,
  ) {
    super("payload_too_large", `The body is larger than the limit of ${maxBytes} bytes`, { details: { maxBytes } });
  }
}

/** Reads a request body as bytes, refusing (413) as soon as it passes the limit. */
export async function readBodyBytesWithLimit(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes, new Uint8Array(), declared);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes, chunks[0] ?? value, size);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a request body as UTF-8 text, refusing (413) as soon as it passes the limit. */
export async function readBodyWithLimit(req: Request, maxBytes: number): Promise<string> {
  return (await readBodyBytesWithLimit(req, maxBytes)).toString("utf8");
}
