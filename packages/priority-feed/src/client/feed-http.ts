import type * as z from "zod";

import { FeedChangesPage, FeedSnapshot, Problem } from "../schema/documents.js";
import { canReadSchemaVersion } from "../version.js";
import { FeedError } from "./feed-error.js";

/** The two requests of the wire contract (README, "Wire contract"), and nothing else. */
export interface FeedHttp {
  /** 200 with body and ETag, or "not-modified" for a 304 on the ETag sent. */
  getSnapshot(etag: string | null): Promise<{ snapshot: FeedSnapshot; etag: string | null } | "not-modified">;
  /** 200 with a page, or "gone" for a 410 (cursor older than the server's history). */
  getChanges(after: string, limit: number): Promise<FeedChangesPage | "gone">;
}

interface FeedHttpOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

export function createFeedHttp(options: FeedHttpOptions): FeedHttp {
  const base = options.baseUrl.replace(/\/+$/, "");

  async function get(path: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
    try {
      return await options.fetch(`${base}${path}`, {
        headers: { accept: "application/json", authorization: `Bearer ${options.apiKey}`, ...extraHeaders },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new FeedError("network", `feed server unreachable at ${base}: ${describe(error)}`, null, null, {
        cause: error,
      });
    }
  }

  return {
    async getSnapshot(etag) {
      const response = await get("/feed/v1/priorities", etag ? { "if-none-match": etag } : {});
      if (response.status === 304) return "not-modified";
      if (response.status !== 200) throw await httpError(response);
      const snapshot = await readBody(response, FeedSnapshot, "snapshot");
      return { snapshot, etag: response.headers.get("etag") };
    },
    async getChanges(after, limit) {
      const query = new URLSearchParams({ after, limit: String(limit) });
      const response = await get(`/feed/v1/priorities/changes?${query}`);
      if (response.status === 410) {
        await response.body?.cancel();
        return "gone";
      }
      if (response.status !== 200) throw await httpError(response);
      return readBody(response, FeedChangesPage, "changes page");
    },
  };
}

async function readBody<T extends { schemaVersion: string }>(
  response: Response,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new FeedError("invalid-response", `${what} is not JSON: ${describe(error)}`, response.status);
  }
  // The major version is checked before the shape, so a 2.x feed gets the clearer message.
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "string" && !canReadSchemaVersion(version)) {
    throw new FeedError(
      "unsupported-schema-version",
      `${what} has schema version ${version}; upgrade @wardpanel/priority-feed`,
      response.status,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeedError(
      "invalid-response",
      `${what} does not match the feed schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
      response.status,
    );
  }
  return parsed.data;
}

async function httpError(response: Response): Promise<FeedError> {
  const text = await response.text().catch(() => "");
  let problem: Problem | null = null;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not problem+json (a proxy's HTML page, say): the status line is all there is.
  }
  const detail = problem ? `${problem.title}: ${problem.detail}` : `${response.status} ${response.statusText}`;
  const code = response.status === 401 ? "unauthorised" : response.status === 403 ? "forbidden" : "http";
  return new FeedError(
    code,
    `feed server refused the request (${response.status}) — ${detail}`,
    response.status,
    problem,
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
