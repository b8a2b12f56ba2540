/**
 * What changed in a ward's live meeting or vote: a hint for screens to fetch again, never the
 * data itself (the server stays the source of truth). `change` is the procedure that made it, e.g.
 * "live.setCurrentItem" or "votes.open"; `id` counts up from 1 for the life of the server process
 * and is the server-sent event's `id:` (WHATWG HTML "Server-sent events").
 */
export type LiveEvent = {
  id: number;
  wardCode: string;
  change: string;
  /** The meeting changed, or the one the vote belongs to; null when the vote could not be found. */
  meetingId: number | null;
  voteId: number | null;
  itemId: number | null;
};

export type LiveEventListener = (event: LiveEvent) => void;

/**
 * The in-process event bus: tRPC mutations publish to it after their write is committed
 * (./publish-live-change.ts), the server-sent event routes (apps/server/src/routes/live-events.ts)
 * listen. One per server process; a listener that throws is dropped from nobody else's delivery.
 */
export type LiveEventBus = {
  publish(event: Omit<LiveEvent, "id">): LiveEvent;
  /** Calls `listener` for every event published from now on; returns the unsubscribe function. */
  subscribe(listener: LiveEventListener): () => void;
  /** The id of the last event published, 0 before the first. */
  lastId(): number;
  /** How many listeners are subscribed (open streams), for tests and health. */
  listenerCount(): number;
};

export function createLiveEventBus(): LiveEventBus {
  const listeners = new Set<LiveEventListener>();
  let lastId = 0;
  return {
    publish(event) {
      lastId += 1;
      const published = { ...event, id: lastId };
      for (const listener of [...listeners]) {
        try {
          listener(published);
        } catch {
          // A closed stream's write may throw; the stream's own close handler unsubscribes it.
        }
      }
      return published;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    lastId: () => lastId,
    listenerCount: () => listeners.size,
  };
}
