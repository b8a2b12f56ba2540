import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";

import type { FastifyReply, FastifyRequest } from "fastify";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Bodies smaller than this are sent as they are: compressing them saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;
/** Up to this size compression is done at once (well under a millisecond); larger bodies in the thread pool. */
const COMPRESS_AT_ONCE_BYTES = 64 * 1024;
/** Brotli quality 5: near gzip's speed with smaller output; 11 (the default) takes seconds on a snapshot. */
const BROTLI_QUALITY = 5;

/**
 * One rendered response body with its strong ETag and its gzip and brotli forms, made once and
 * sent to every request that asks for it. Compression runs in libuv's thread pool (node:zlib's
 * asynchronous functions), so it never holds up the event loop; `ready` settles when it is done.
 */
export type Representation = {
  /** The identity body's ETag, `"<sha256, base64url, 32 chars>"`; each encoding adds `-gzip` or `-br`. */
  etag: string;
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** Whether the body is large enough to be sent compressed (then gzip and br are set once `ready` settles). */
  compressible: boolean;
  ready: Promise<void>;
};

/** A representation of `body` (text is sent as UTF-8); `hash` is its sha256 when the caller has computed it (in slices). */
export function createRepresentation(body: string | Buffer, type: string, hash?: string): Representation {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const digest = hash ?? createHash("sha256").update(bytes).digest("base64url");
  const representation: Representation = {
    etag: `"${digest.slice(0, 32)}"`,
    type,
    body: bytes,
    gzip: null,
    br: null,
    compressible: bytes.length >= COMPRESS_FROM_BYTES,
    ready: Promise.resolve(),
  };
  const brotli = {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
  if (!representation.compressible) return representation;
  if (bytes.length <= COMPRESS_AT_ONCE_BYTES) {
    representation.gzip = gzipSync(bytes);
    representation.br = brotliCompressSync(bytes, brotli);
    return representation;
  }
  representation.ready = Promise.all([
    gzipAsync(bytes).then((out) => (representation.gzip = out)),
    brotliAsync(bytes, brotli).then((out) => (representation.br = out)),
  ]).then(() => undefined);
  return representation;
}

/** The ETags of every encoding of a representation: `"h"`, `"h-gzip"`, `"h-br"`. */
export function etagsOf(representation: Representation): { identity: string; gzip: string; br: string } {
  const bare = representation.etag.slice(1, -1);
  return { identity: representation.etag, gzip: `"${bare}-gzip"`, br: `"${bare}-br"` };
}

/**
 * Sends a representation: 304 when If-None-Match names any of its ETags (RFC 9110 §13.1.2, weak
 * comparison), else 200 in the best encoding the request accepts (br, then gzip, then none;
 * RFC 9110 §12.5.3, `q=0` refuses one) with that encoding's own strong ETag, `Vary: Accept-Encoding`
 * (and Authorization: each key sees its own scope) and `Cache-Control: no-cache` (revalidate).
 */
export function sendRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  representation: Representation,
): FastifyReply {
  const etags = etagsOf(representation);
  const encoding = chooseEncoding(String(request.headers["accept-encoding"] ?? ""), representation);
  reply
    .header("etag", etags[encoding])
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding, authorization");
  if (ifNoneMatch(request.headers["if-none-match"], [etags.identity, etags.gzip, etags.br]))
    return reply.code(304).send();
  reply.type(representation.type);
  if (encoding === "identity") return reply.send(representation.body);
  return reply.header("content-encoding", encoding).send(representation[encoding]);
}

function chooseEncoding(header: string, representation: Representation): "identity" | "gzip" | "br" {
  const accepted = new Set(
    header
      .toLowerCase()
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([coding]) => coding?.trim()),
  );
  if (representation.br && accepted.has("br")) return "br";
  if (representation.gzip && (accepted.has("gzip") || accepted.has("x-gzip"))) return "gzip";
  return "identity";
}

/** Whether If-None-Match names one of these ETags (or is `*`); weak comparison. */
export function ifNoneMatch(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || etags.includes(value);
  });
}
