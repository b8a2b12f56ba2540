import type { Db } from "@wardpanel/db/client";
import {
  type FeedItem,
  getFeedHead,
  readFeedChangesPage,
  readFeedSnapshot,
  type ResponseTarget,
} from "@wardpanel/db/queries/feed";
import { listBoroughs } from "@wardpanel/db/queries/wards";
import { type FeedPriority, type Matcher, matcherSteps } from "@wardpanel/priority-feed";

import type { Representation } from "./representation";
import type { SlicedJob } from "./sliced";
import { PLACEHOLDER_SITE, renderView, viewKey, type ViewRequest } from "./views";

/**
 * One complete, immutable view of the feed at a change-log cursor: every active priority of
 * London (links made against PLACEHOLDER_SITE), by id; the matcher over them; and rendered views
 * by viewKey (views.ts). Built as a sliced job (sliced.ts) beside the view in use, then swapped in.
 */
export type FeedView = {
  cursor: number;
  changedAt: Date | null;
  items: readonly FeedItem[];
  matcher: Matcher;
  views: Map<string, Representation>;
  /** performance-independent wall time (Date.now()) of the last full read from the database. */
  builtFullAt: number;
};

/** Past this many change-log entries behind, the view is read again in full rather than changed item by item. */
const MAX_INCREMENTAL_CHANGES = 5000;
const PAGE = 1000;
const ALL_LONDON = { boroughCodes: [] } as const;

/**
 * Builds the next view. From `previous`, only the priorities named in the change log since its
 * cursor are read again (each a few hundred microseconds to project); with no previous view (or
 * too far behind, or after a restore put the head behind it) every priority is read, a borough at
 * a time. Then the matcher is built and the `views` rendered, all in small steps. The items and
 * the cursor agree as the changes page guarantees: each item is at least as new as the cursor.
 */
export function* buildFeedView(
  db: Db,
  options: {
    previous: FeedView | null;
    responseTarget: ResponseTarget;
    /** PRIORITY_REVIEW_GRACE_DAYS: each item expires at its review date + this many days (decision 0029). */
    graceDays: number;
    views: readonly ViewRequest[];
    beforeBuild?: () => Promise<void>;
  },
): SlicedJob<FeedView> {
  if (options.beforeBuild) yield options.beforeBuild();
  const { previous, responseTarget, graceDays } = options;
  const head = getFeedHead(db);
  const incremental =
    previous !== null && head.cursor >= previous.cursor && head.cursor - previous.cursor <= MAX_INCREMENTAL_CHANGES;
  const read = incremental
    ? yield* applyChanges(db, previous, responseTarget, graceDays)
    : yield* readEverything(db, responseTarget, graceDays);
  const items = [...read.items.values()].sort((a, b) => Number(a.id) - Number(b.id));
  const matcher = yield* matcherSteps(items as FeedPriority[]);
  const next: FeedView = {
    cursor: read.cursor,
    changedAt: read.changedAt !== undefined ? read.changedAt : changedAtOf(db, read.cursor, head),
    items,
    matcher,
    views: new Map(),
    builtFullAt: incremental ? previous.builtFullAt : Date.now(),
  };
  for (const view of options.views) next.views.set(viewKey(view), yield* renderView(view, next));
  // The swapped-in views are served compressed at once: wait (off the event loop) for their compression.
  const compressing = [...next.views.values()].filter((view) => view.gzip === null && view.compressible);
  if (compressing.length > 0) yield Promise.all(compressing.map((view) => view.ready));
  return next;
}

/** `changedAt` when the read knows when its cursor was written. */
type ReadItems = { cursor: number; changedAt?: Date | null; items: Map<string, FeedItem> };

/** When the change at `cursor` was written: the head's time, read again if the head has moved on since. */
function changedAtOf(db: Db, cursor: number, head: { cursor: number; changedAt: Date | null }): Date | null {
  if (cursor === head.cursor) return head.changedAt;
  // A change written during the build; if yet another followed it, the next build corrects the time.
  return getFeedHead(db).changedAt;
}

/** The previous view's items with every change since its cursor applied, a page of the change log per step. */
function* applyChanges(
  db: Db,
  previous: FeedView,
  target: ResponseTarget,
  graceDays: number,
): Generator<undefined, ReadItems, unknown> {
  const items = new Map(previous.items.map((item) => [item.id, item]));
  let cursor = previous.cursor;
  for (;;) {
    yield;
    const page = readFeedChangesPage(db, {
      after: cursor,
      limit: PAGE,
      scope: ALL_LONDON,
      siteUrl: PLACEHOLDER_SITE,
      responseTarget: target,
      graceDays,
    });
    for (const change of page.changes) {
      if (change.kind === "upsert") items.set(change.item.id, change.item);
      else items.delete(change.id);
    }
    cursor = page.next;
    if (!page.hasMore) return { cursor, items };
  }
}

/**
 * Every active priority, a borough per step. Each borough is read in its own transaction; the
 * view takes the oldest of their cursors, so the next build applies anything written in between.
 */
function* readEverything(db: Db, target: ResponseTarget, graceDays: number): Generator<undefined, ReadItems, unknown> {
  const items = new Map<string, FeedItem>();
  let oldest: { cursor: number; changedAt: Date | null } = getFeedHead(db);
  for (const borough of listBoroughs(db)) {
    yield;
    const scope = { boroughCodes: [], boroughCode: borough.code };
    const part = readFeedSnapshot(db, scope, PLACEHOLDER_SITE, target, graceDays);
    if (part.cursor < oldest.cursor) oldest = part;
    for (const item of part.items) items.set(item.id, item);
  }
  return { cursor: oldest.cursor, changedAt: oldest.changedAt, items };
}
