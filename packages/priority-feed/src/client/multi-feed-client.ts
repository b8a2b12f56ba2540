import type { Call } from "../match/call.js";
import type { Match } from "../match/matcher.js";
import { promisedMinutes } from "../version.js";
import {
  createFeedClient,
  type FeedClient,
  type FeedClientOptions,
  type Staleness,
  type SyncResult,
} from "./feed-client.js";
import { FeedError } from "./feed-error.js";

/** One feed a control room follows: a force's Ward Panel, with its own key and its own cache file. */
export interface FeedSource extends FeedClientOptions {
  /** How matches and staleness name this feed, e.g. "Metropolitan Police" or "city-of-london". Unique. */
  name: string;
}

/** A match from one of several feeds: the package's Match, plus which feed it came from. */
export interface FeedMatch extends Match {
  feed: string;
}

/** One feed's part of a sync: its result, or why it failed (its previous copy is still in use). */
export type FeedSyncOutcome =
  { feed: string; ok: true; result: SyncResult } | { feed: string; ok: false; error: FeedError; staleness: Staleness };

export interface MultiFeedClient {
  /** The feeds' names, in the order given. */
  readonly feeds: readonly string[];
  /**
   * Syncs every feed at once. Never rejects: a feed that fails keeps its last good copy (and keeps
   * matching from it) and is reported here with its error and its age; the others carry on.
   */
  sync(options?: { full?: boolean }): Promise<FeedSyncOutcome[]>;
  /** Matches the call against every feed's copy; best first across all of them (README, "Matching"). */
  match(call: Call): FeedMatch[];
  /** Each feed's staleness, in the order given. Alert on a feed's ageSeconds. */
  staleness(): { feed: string; staleness: Staleness }[];
  /** One feed's own client (its items, matcher, warnings). Throws on an unknown name. */
  client(name: string): FeedClient;
}

/**
 * Follows several feeds at once — a control room serving neighbouring forces, each running its
 * own Ward Panel. Each feed is an ordinary `createFeedClient` with its own cursor, cache file and
 * key, so one feed's outage, refusal or bad answer never touches another's copy.
 *
 * Errors: throws a TypeError naming the option (`feeds[1].name`, `feeds[2].cachePath`) when
 * there are no feeds, a name is empty or repeated, or two feeds share a cache file (they would
 * overwrite each other's copy).
 */
export function createMultiFeedClient(options: { feeds: readonly FeedSource[] }): MultiFeedClient {
  const { feeds } = options;
  if (feeds.length === 0) throw new TypeError("feeds: give at least one feed to follow");
  const names = new Set<string>();
  const cachePaths = new Set<string>();
  feeds.forEach((source, index) => {
    if (source.name.trim() === "") throw new TypeError(`feeds[${index}].name: a feed needs a name`);
    if (names.has(source.name)) throw new TypeError(`feeds[${index}].name: "${source.name}" is used twice`);
    if (cachePaths.has(source.cachePath))
      throw new TypeError(`feeds[${index}].cachePath: ${source.cachePath} is another feed's cache file`);
    names.add(source.name);
    cachePaths.add(source.cachePath);
  });

  const clients = feeds.map(({ name, ...clientOptions }) => ({ name, client: createFeedClient(clientOptions) }));
  const byName = new Map(clients.map(({ name, client }) => [name, client]));

  return {
    feeds: clients.map(({ name }) => name),
    async sync(syncOptions) {
      return Promise.all(
        clients.map(async ({ name, client }): Promise<FeedSyncOutcome> => {
          try {
            return { feed: name, ok: true, result: await client.sync(syncOptions) };
          } catch (error) {
            const feedError = error instanceof FeedError ? error : new FeedError("http", String(error));
            return { feed: name, ok: false, error: feedError, staleness: client.staleness() };
          }
        }),
      );
    },
    match(call) {
      const found: { match: FeedMatch; order: number; rank: number }[] = [];
      for (const { name, client } of clients) {
        for (const match of client.match(call)) {
          found.push({ match: { ...match, feed: name }, order: found.length, rank: rank(match) });
        }
      }
      // Each feed's list is already best first; merge by the same rule, keeping feed order on ties.
      return found.sort((a, b) => b.rank - a.rank || a.order - b.order).map(({ match }) => match);
    },
    staleness: () => clients.map(({ name, client }) => ({ feed: name, staleness: client.staleness() })),
    client(name) {
      const client = byName.get(name);
      if (!client) throw new TypeError(`no feed named "${name}"; the feeds are ${[...byName.keys()].join(", ")}`);
      return client;
    },
  };
}

/** The matcher's order: category agreement, then a response promise, then more kinds of location. */
function rank(match: Match): number {
  const locations = match.matchedOn.filter((kind) => kind !== "category").length;
  const promised = promisedMinutes(match.priority.callHandling) === null ? 0 : 1;
  return (match.matchedOn.includes("category") ? 100 : 0) + promised * 10 + locations;
}
