/** One parsed server-sent event. */
export type ReadEvent = { id: string; event: string; data: unknown };

/**
 * Reads a text/event-stream response body as the browser's EventSource would (WHATWG HTML
 * §9.2.6, enough of it for tests), in the background from the start: `next(predicate, timeoutMs)`
 * resolves with the next event matching, or rejects naming what arrived instead.
 */
export function readEventStream(response: Response) {
  const body = response.body;
  if (!body) throw new Error("The event stream response has no body");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const seen: ReadEvent[] = [];
  let comments = 0;
  let wake = () => {};

  const parse = (block: string) => {
    const fields = { id: "", event: "message", data: "" };
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments += 1;
      const [name, ...rest] = line.split(":");
      const value = rest.join(":").replace(/^ /, "");
      if (name === "id" || name === "event" || name === "data") fields[name] = value;
    }
    if (fields.data !== "") seen.push({ ...fields, data: JSON.parse(fields.data) as unknown });
  };

  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        wake();
      }
    } catch {
      // Cancelled by the test, or the server closed: waiters time out and say what they saw.
    }
  })();

  const waitUntil = async (done: () => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!done() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return done();
  };

  let cursor = 0;
  return {
    async next(matches: (e: ReadEvent) => boolean, timeoutMs = 2000): Promise<ReadEvent> {
      let found: ReadEvent | undefined;
      const look = () => {
        while (!found && cursor < seen.length) {
          const event = seen[cursor++];
          if (event && matches(event)) found = event;
        }
        return found !== undefined;
      };
      if (!(await waitUntil(look, timeoutMs)) || !found)
        throw new Error(`No matching event within ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`);
      return found;
    },
    /** Waits up to `timeoutMs` for a heartbeat comment (": heartbeat"); answers how many arrived. */
    async heartbeats(timeoutMs: number): Promise<number> {
      await waitUntil(() => comments > 0, timeoutMs);
      return comments;
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}
