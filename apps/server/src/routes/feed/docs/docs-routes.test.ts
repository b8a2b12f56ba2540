import { request } from "node:http";
import { gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "../feed-test-server";

describe("/feed/v1/docs", () => {
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  beforeAll(async () => {
    server = await listenWholeServer(createFeedTestDb().db);
  });
  afterAll(() => server.close());

  it("is a public English page whose scripts and styles all come from the server itself", async () => {
    const response = await fetch(`${server.url}/feed/v1/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // The server's CSP applies: scripts from 'self' only.
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(["docs/docs.css", "openapi.json", "package.tgz", "docs/api-reference.js", "docs/start.js"]);
    for (const asset of assets) {
      expect((await fetch(new URL(asset ?? "", `${server.url}/feed/v1/docs`))).status, asset).toBe(200);
    }
  });

  it("serves Scalar's bundle gzipped when asked, with an ETag for each form and 304", async () => {
    const url = `${server.url}/feed/v1/docs/api-reference.js`;
    const plain = await fetch(url, { headers: { "accept-encoding": "identity" } });
    const body = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(body.toString("utf8")).toContain("createApiReference");

    const zipped = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(url, { headers: { "accept-encoding": "gzip" } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => resolve({ headers: answer.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(zipped.body).equals(body)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.get("etag"));

    const again = await fetch(url, { headers: { "if-none-match": plain.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
  });
});
