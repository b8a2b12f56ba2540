import type { FastifyReply, FastifyRequest } from "fastify";

/** One server-sent event (WHATWG HTML §9.2): `event:` name, `id:` and one line of JSON `data:`. */
export type StreamEvent = { id: number; event: string; data: unknown };

export type EventStream = {
  send(event: StreamEvent): void;
  /** Ends the response; the browser's EventSource reconnects after `retry`. */
  end(): void;
};

type StreamOptions = {
  /** A comment line (": heartbeat") this often, so proxies and phones keep the connection; default 15 000 ms. */
  heartbeatMs: number;
  /** How long the browser waits before reconnecting after a drop (the `retry:` field), in ms. */
  retryMs: number;
  /** Called once when the stream ends, by either side. */
  onEnd: () => void;
};

/**
 * Turns a Fastify reply into a text/event-stream response (plain `reply.raw`, decision 0035). The
 * headers Fastify already set (the security headers, a slid session cookie) are kept; the stream is
 * never cached or buffered by a proxy (`X-Accel-Buffering: no`).
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  { heartbeatMs, retryMs, onEnd }: StreamOptions,
): EventStream {
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, typeof value === "number" ? String(value) : value);
  }
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "private, no-store",
    "x-accel-buffering": "no",
    connection: "keep-alive",
  });
  raw.write(`retry: ${retryMs}\n\n`);
  let ended = false;
  const heartbeat = setInterval(() => raw.write(": heartbeat\n\n"), heartbeatMs);
  const finish = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    onEnd();
  };
  request.raw.on("close", finish);
  raw.on("close", finish);
  return {
    send({ id, event, data }) {
      if (ended) return;
      raw.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      finish();
      raw.end();
    },
  };
}
