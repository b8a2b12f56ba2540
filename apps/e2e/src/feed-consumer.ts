import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./control-room-consumer.mjs", import.meta.url));

// Events are JSON written by the consumer; each test reads the fields it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConsumerEvent = Record<string, any>;

/**
 * Starts the control room's consumer (control-room-consumer.mjs) as its own `node` process, and talks to
 * it over stdin/stdout: `send` a command and await its reply; `next` awaits an event.
 */
export async function startConsumer(env: {
  FEED_URL: string;
  PRIORITY_FEED_KEY: string;
  CACHE_PATH: string;
  REGISTER_WEBHOOK?: "1";
}) {
  const child = spawn(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  const events: ConsumerEvent[] = [];
  const waiters: { test: (e: ConsumerEvent) => boolean; resolve: (e: ConsumerEvent) => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const event = JSON.parse(line) as ConsumerEvent;
    const waiter = waiters.findIndex((w) => w.test(event));
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(event);
    else events.push(event);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  /** The first event (already received or still to come) that passes `test`. */
  function next(test: (e: ConsumerEvent) => boolean, what: string, ms = 15_000): Promise<ConsumerEvent> {
    const index = events.findIndex(test);
    if (index >= 0) return Promise.resolve(events.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `consumer: no ${what} within ${ms} ms; stderr:\n${stderr}\nunclaimed events: ${JSON.stringify(events)}`,
            ),
          ),
        ms,
      );
      waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  let id = 0;
  async function send(cmd: string, extra: object = {}): Promise<ConsumerEvent> {
    const mine = ++id;
    child.stdin.write(`${JSON.stringify({ id: mine, cmd, ...extra })}\n`);
    const reply = await next((e) => e.id === mine, `reply to ${cmd}`);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result;
  }

  await next((e) => e.event === "ready", "ready");
  return {
    send,
    next,
    async stop() {
      child.stdin.end();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
