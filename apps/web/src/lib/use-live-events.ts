import { useEffect, useRef, useState } from "react";

/** What one `change` event says changed (apps/server/src/routes/live-events.ts): a hint to fetch again. */
export type LiveChange = {
  /** The procedure that wrote it, e.g. "live.setCurrentItem", "votes.open". */
  change: string;
  wardCode: string;
  meetingId: number | null;
  voteId: number | null;
  itemId: number | null;
};

/** "connecting" before the first connection; "reconnecting" after a drop until the stream is back. */
export type LiveState = "connecting" | "live" | "reconnecting";

/** How long to wait before opening a new stream when the browser gave up on one (a refusal, a 5xx). */
const REOPEN_AFTER_MS = 3000;

/**
 * Follows a server-sent event stream at `url` (null: none) with the browser's EventSource.
 * `onEvent` is called for every `change` event, and with null for every `ready` (each connection
 * and reconnection, when the screen should fetch everything again to catch up). EventSource
 * reconnects by itself after a drop; when it gives up (readyState CLOSED) a new one is opened after
 * 3 s. Going `offline` closes the stream; coming back `online` opens a new one at once. Answers the
 * connection's state.
 */
export function useLiveEvents(url: string | null, onEvent: (change: LiveChange | null) => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (url === null || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let everOpen = false;
    const dropped = () => setState(everOpen ? "reconnecting" : "connecting");

    const open = () => {
      clearTimeout(reopenTimer);
      source?.close();
      const next = new EventSource(url);
      source = next;
      next.addEventListener("ready", () => {
        everOpen = true;
        setState("live");
        handler.current(null);
      });
      next.addEventListener("change", (event) => {
        handler.current(JSON.parse((event as MessageEvent<string>).data) as LiveChange);
      });
      next.addEventListener("error", () => {
        dropped();
        if (next.readyState === EventSource.CLOSED) reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      });
    };
    const online = () => open();
    // The device says it lost its network: drop the stream now rather than trust a half-open one;
    // coming back online opens a new one, whose `ready` fetches everything again.
    const offline = () => {
      clearTimeout(reopenTimer);
      source?.close();
      dropped();
    };

    open();
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [url]);

  return state;
}
