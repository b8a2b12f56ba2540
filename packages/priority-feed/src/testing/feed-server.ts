import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { FeedChange, FeedChangesPage, FeedSnapshot, Problem } from "../schema/documents.js";
import type { FeedPriority } from "../schema/priority.js";
import { FEED_SCHEMA_VERSION } from "../version.js";

/**
 * A small real HTTP server that implements the feed's wire contract (README, "Wire contract"),
 * for testing the client and CLI over a socket rather than a mocked fetch.
 * Cursors are "c<sequence>"; the client must treat them as opaque, and does.
 */
export interface TestFeedServer {
  url: string;
  /** Every request received, oldest first. */
  requests: { path: string; status: number; ifNoneMatch: string | null; authorization: string | null }[];
  upsert(item: FeedPriority): void;
  remove(id: string, reason: string): void;
  /** Drop all change history so far: any earlier cursor now gets 410 Gone. */
  forgetHistory(): void;
  /** Overrides the schema version the server claims (to test refusal of a new major version). */
  schemaVersion: string;
  close(): Promise<void>;
}

export interface TestFeedServerOptions {
  items?: FeedPriority[];
  /** Keys that may read the feed. */
  apiKeys?: string[];
  /** Keys that exist but may not read the feed (403). */
  outOfScopeKeys?: string[];
  port?: number;
}

export async function startTestFeedServer(options: TestFeedServerOptions = {}): Promise<TestFeedServer> {
  const items = new Map((options.items ?? []).map((item) => [item.id, item]));
  const history: { seq: number; change: FeedChange }[] = [];
  let seq = 0;
  let floor = 0; // cursors below this are older than retained history
  let changedAt = "2025-01-01T00:00:00.000Z";
  const keys = new Set(options.apiKeys ?? ["test-key"]);
  const outOfScope = new Set(options.outOfScopeKeys ?? []);

  function record(change: (cursor: string) => FeedChange): void {
    seq += 1;
    history.push({ seq, change: change(`c${seq}`) });
    changedAt = new Date().toISOString();
  }

  function problem(res: ServerResponse, status: number, title: string, detail: string, field?: string): number {
    const body: Problem = {
      type: `https://wardpanel.example/problems/${status}`,
      title,
      status,
      detail,
      ...(field ? { field } : {}),
    };
    res.writeHead(status, { "content-type": "application/problem+json" }).end(JSON.stringify(body));
    return status;
  }

  function handle(req: IncomingMessage, res: ServerResponse): number {
    const url = new URL(req.url ?? "/", "http://localhost");
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!auth || (!keys.has(auth) && !outOfScope.has(auth)))
      return problem(res, 401, "Unauthorised", "Missing, unknown or revoked API key.");
    if (outOfScope.has(auth)) return problem(res, 403, "Forbidden", "This key may not read the priority feed.");

    if (url.pathname === "/feed/v1/priorities") {
      const snapshot: FeedSnapshot = {
        schemaVersion: server.schemaVersion,
        cursor: `c${seq}`,
        generatedAt: changedAt,
        items: [...items.values()],
      };
      const body = JSON.stringify(snapshot);
      const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return 304;
      }
      res.writeHead(200, { "content-type": "application/json", etag }).end(body);
      return 200;
    }
    if (url.pathname === "/feed/v1/priorities/changes") {
      const after = /^c(\d+)$/.exec(url.searchParams.get("after") ?? "");
      if (!after) return problem(res, 400, "Bad cursor", "after must be a cursor this feed gave you.", "after");
      const from = Number(after[1]);
      if (from < floor) return problem(res, 410, "Cursor expired", "Fetch a fresh snapshot.", "after");
      const limit = Math.min(Number(url.searchParams.get("limit") ?? 100) || 100, 1000);
      const pending = history.filter((entry) => entry.seq > from);
      const pageEntries = pending.slice(0, limit);
      const page: FeedChangesPage = {
        schemaVersion: server.schemaVersion,
        changes: pageEntries.map((entry) => entry.change),
        next: `c${pageEntries.at(-1)?.seq ?? from}`,
        hasMore: pending.length > pageEntries.length,
      };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page));
      return 200;
    }
    return problem(res, 404, "Not found", `${url.pathname} is not part of the feed.`);
  }

  const requests: TestFeedServer["requests"] = [];
  const http = createServer((req, res) => {
    const status = handle(req, res);
    requests.push({
      path: req.url ?? "",
      status,
      ifNoneMatch: req.headers["if-none-match"] ?? null,
      authorization: req.headers.authorization ?? null,
    });
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;

  const server: TestFeedServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    schemaVersion: FEED_SCHEMA_VERSION,
    upsert(item) {
      items.set(item.id, item);
      record((cursor) => ({ cursor, kind: "upsert", item }));
    },
    remove(id, reason) {
      items.delete(id);
      record((cursor) => ({ cursor, kind: "remove", id, reason }));
    },
    forgetHistory() {
      floor = seq + 1;
      history.length = 0;
    },
    close: () =>
      new Promise((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return server;
}
