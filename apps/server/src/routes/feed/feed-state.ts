import type { Db } from "@wardpanel/db/client";
import { DEFAULT_RESPONSE_TARGET, getFeedHead, type ResponseTarget } from "@wardpanel/db/queries/feed";
import { getWardAtPoint } from "@wardpanel/db/queries/postcodes";
import { DEFAULT_REVIEW_GRACE_DAYS } from "@wardpanel/db/queries/review-expiry";
import type { Matcher } from "@wardpanel/priority-feed";

import { buildFeedView, type FeedView } from "./state/build";
import type { Representation } from "./state/representation";
import { runSliced } from "./state/sliced";
import { renderView, viewKey, type ViewRequest } from "./state/views";

/**
 * What the feed's read routes answer from: one complete view of the feed (every active priority,
 * the matcher over them, and the rendered snapshots, GeoJSON and CSV asked for lately), built
 * aside and swapped in whole. No request waits for a build (issue 14, item 7):
 *
 * - Each request reads the change log's head (one indexed read), and so does a timer every
 *   `pollMs`. When the head has moved, the next view is built from the current one by applying the
 *   changed priorities only (state/build.ts), in slices of at most `sliceMs` of the event loop.
 * - Meanwhile every request is answered from the current view. A small feed (`inlineItems`, as in
 *   tests) is rebuilt at once and swapped in before the request that noticed the change is answered.
 * - Staleness: a change shows once the build it started is swapped in, at most `pollMs` plus one
 *   build later (the bench prints it). `/changes` reads the change log itself and is never stale.
 * - A change written by another process (the CLI) is seen the same way: through the head.
 * - Every `fullRefreshMs` the view is rebuilt from the database in full (also in slices), so what
 *   changes without a change-log entry (a renamed ward, a rescheduled meeting) shows within it.
 */

export type FeedStateOptions = {
  /** Longest stretch of the event loop one slice of a build may take; default 2 ms. */
  sliceMs?: number;
  /**
   * A feed of at most this many priorities is rebuilt at once, before the request that noticed the
   * change is answered (about a millisecond); larger feeds in slices. Default 200.
   */
  inlineItems?: number;
  /** How often the head is read without a request; default 250 ms. 0 = only on requests. */
  pollMs?: number;
  /** How often the view is rebuilt from the database in full; default 10 minutes. */
  fullRefreshMs?: number;
  /** For tests: awaited at the start of every build, so a test can hold a build part-way. */
  beforeBuild?: () => Promise<void>;
  /** Where a failed build is reported (it is retried after `retryMs`, 1 s); default stderr. */
  onError?: (error: unknown) => void;
};

const VIEW_IDLE_MS = 10 * 60_000;
const MAX_VIEWS = 64;
const RETRY_MS = 1000;

/**
 * `responseTarget`: the force's call-handling target (CALL_RESPONSE_TARGET_MINUTES), carried in flagged items;
 * `reviewGraceDays`: PRIORITY_REVIEW_GRACE_DAYS, which sets each item's `expiresAt` (decision 0029).
 */
export function createFeedState(
  db: Db,
  responseTarget: ResponseTarget = DEFAULT_RESPONSE_TARGET,
  reviewGraceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
  options: FeedStateOptions = {},
) {
  const sliceMs = options.sliceMs ?? 2;
  const fullRefreshMs = options.fullRefreshMs ?? 10 * 60_000;
  const onError = options.onError ?? ((error: unknown) => console.error("The feed's view could not be built:", error));
  /** Views asked for lately, re-rendered in every build: key → what to render and when it was last asked for. */
  const wanted = new Map<string, { request: ViewRequest; askedAt: number }>();
  let current: FeedView | null = null;
  let building: Promise<void> | null = null;
  let failedAt = -Infinity;

  /** Starts a build when the head has moved (or a full refresh is due) and none is running; never waits for one. */
  function refresh(): void {
    if (building || performance.now() - failedAt < RETRY_MS) return;
    const head = getFeedHead(db).cursor;
    const full = current === null || Date.now() - current.builtFullAt >= fullRefreshMs;
    if (current && head === current.cursor && !full) return;
    for (const [key, { askedAt }] of wanted) if (Date.now() - askedAt > VIEW_IDLE_MS) wanted.delete(key);
    const job = buildFeedView(db, {
      previous: full ? null : current,
      responseTarget,
      graceDays: reviewGraceDays,
      views: [...wanted.values()].map((view) => view.request),
      beforeBuild: options.beforeBuild,
    });
    const small = current !== null && current.items.length <= (options.inlineItems ?? 200);
    let result: FeedView | Promise<FeedView>;
    try {
      result = runSliced(job, small ? Infinity : sliceMs);
    } catch (error) {
      // Failed in its first slice: requests keep the current view; the timer or a request retries.
      failedAt = performance.now();
      return onError(error);
    }
    if (!(result instanceof Promise)) {
      current = result;
      return;
    }
    building = result.then(
      (next) => {
        building = null;
        current = next;
        poll(); // the head may have moved again meanwhile
      },
      (error: unknown) => {
        building = null;
        failedAt = performance.now();
        onError(error);
      },
    );
  }

  const poll = () => {
    try {
      refresh();
    } catch (error) {
      // A timer must not throw: the head could not be read (e.g. the database is not migrated yet); retry after RETRY_MS.
      failedAt = performance.now();
      onError(error);
    }
  };
  const timer = options.pollMs === 0 ? null : setInterval(poll, options.pollMs ?? 250);
  timer?.unref();

  /** The current view, after starting a build if the head has moved. */
  function view(): FeedView {
    refresh();
    if (!current) throw new Error("The feed's first view is still being built: await state.ready() first");
    return current;
  }

  return {
    responseTarget,
    reviewGraceDays,

    /** Builds the first view (in slices); the routes are served once it is done. */
    async ready(): Promise<void> {
      refresh();
      while (!current) {
        if (!building) throw new Error("The feed's first view could not be built (see the error logged above)");
        await building;
      }
    },

    /** The newest cursor: one indexed read. */
    head: () => getFeedHead(db).cursor,

    /** The cursor of the view requests are answered from (behind `head()` while a build runs). */
    cursor: () => view().cursor,

    /**
     * A rendered view for a scope: from the current view when it has been asked for before (then
     * kept current by every build); else rendered now, once. Resolves when its compressed forms are made.
     */
    async representation(request: ViewRequest): Promise<Representation> {
      const key = viewKey(request);
      if (!wanted.has(key) && wanted.size >= MAX_VIEWS) wanted.delete(wanted.keys().next().value ?? "");
      wanted.set(key, { request, askedAt: Date.now() });
      const state = view();
      let rendered = state.views.get(key);
      if (!rendered) {
        rendered = await runSliced(renderView(request, state), Infinity);
        state.views.set(key, rendered);
      }
      await rendered.ready;
      return rendered;
    },

    /** The code of the ward containing a WGS84 point, or null outside the wards held. In memory. */
    wardAt: (lon: number, lat: number): string | null => getWardAtPoint(db, { lat, lon })?.code ?? null,

    /** One matcher over all of London (callers filter by their key's boroughs), from the current view. */
    matcher: (): Matcher => view().matcher,

    /** Stops the timer (on the server's close). */
    close(): void {
      if (timer) clearInterval(timer);
    },
  };
}

export type FeedState = ReturnType<typeof createFeedState>;
