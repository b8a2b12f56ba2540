import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import type { FastifyReply, FastifyRequest } from "fastify";

import { ifNoneMatch } from "../snapshot-routes";

/** A file served as it is, read on first use and kept in memory with its strong ETag (and a gzip copy when asked). */
export interface StaticAsset {
  send(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/**
 * `path` is read once, on the first request (so a server whose package is not built still
 * starts; that request then fails with the file's path in the error). The ETag is the SHA-256 of
 * the bytes; `If-None-Match` naming it answers 304 (RFC 9110 §13.1.2). With `gzip`, a client that
 * sends `Accept-Encoding: gzip` gets the compressed bytes, under their own ETag.
 */
export function staticAsset(
  path: string,
  headers: { contentType: string; cacheControl: string; filename?: string; gzip?: boolean },
): StaticAsset {
  let loaded: { body: Buffer; etag: string; gzip: Buffer | null; gzipEtag: string } | null = null;

  function load() {
    if (loaded) return loaded;
    const body = readFileSync(path);
    const gzip = headers.gzip ? gzipSync(body) : null;
    loaded = { body, etag: etagOf(body), gzip, gzipEtag: gzip ? etagOf(gzip) : "" };
    return loaded;
  }

  return {
    send(request, reply) {
      const asset = load();
      const gzip = asset.gzip !== null && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      reply.header("etag", gzip ? asset.gzipEtag : asset.etag).header("cache-control", headers.cacheControl);
      if (asset.gzip) reply.header("vary", "accept-encoding");
      if (headers.filename) reply.header("content-disposition", `attachment; filename="${headers.filename}"`);
      if (ifNoneMatch(request.headers["if-none-match"], [asset.etag, asset.gzipEtag].filter(Boolean)))
        return reply.code(304).send();
      reply.type(headers.contentType);
      return gzip && asset.gzip ? reply.header("content-encoding", "gzip").send(asset.gzip) : reply.send(asset.body);
    },
  };
}

function etagOf(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("base64url")}"`;
}
