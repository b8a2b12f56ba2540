// A control room's integration, as a separate process that uses only the published
// @wardpanel/priority-feed package (its built dist/) and the standardwebhooks package.
// Plain JavaScript run by `node`, so nothing of Ward Panel's source can leak in through tsx.
//
// Environment: FEED_URL, PRIORITY_FEED_KEY, CACHE_PATH; REGISTER_WEBHOOK=1 registers a receiver.
// It reads JSON commands on stdin, one a line ({ id, cmd: "sync" | "match" | "staleness", call }),
// and writes JSON events on stdout, one a line: replies ({ id, ok, result | error }),
// { event: "webhook", payload } for each notice whose signature verified, then
// { event: "synced", result } once it has pulled the changes the notice announced.
import { createServer } from "node:http";
import { createInterface } from "node:readline";

import { createFeedClient, FeedError } from "@wardpanel/priority-feed";
import { Webhook } from "standardwebhooks";

const { FEED_URL, PRIORITY_FEED_KEY, CACHE_PATH, REGISTER_WEBHOOK } = process.env;
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

const feed = createFeedClient({
  baseUrl: FEED_URL,
  apiKey: PRIORITY_FEED_KEY,
  cachePath: CACHE_PATH,
  onWarning: (w) => emit({ event: "warning", warning: w }),
});

const matchView = (call) =>
  feed.match(call).map(({ priority, matchedOn }) => ({
    id: priority.id,
    version: priority.version,
    title: priority.title,
    popupText: priority.popupText,
    responseTargetMinutes: priority.callHandling.responseTargetMinutes,
    matchedOn,
  }));

async function run(command) {
  if (command.cmd === "sync") return feed.sync();
  if (command.cmd === "match") return matchView(command.call);
  if (command.cmd === "staleness") return feed.staleness();
  throw new Error(`unknown command ${command.cmd}`);
}

if (REGISTER_WEBHOOK === "1") {
  let verifier = null;
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      let payload;
      try {
        payload = verifier.verify(body, req.headers);
      } catch (error) {
        emit({ event: "webhook-rejected", error: error.message });
        return res.writeHead(400).end();
      }
      // Acknowledge at once; pull the changes afterwards (the notice carries no items).
      res.writeHead(204).end();
      emit({ event: "webhook", id: req.headers["webhook-id"], payload });
      try {
        emit({ event: "synced", result: await feed.sync() });
      } catch (error) {
        emit({ event: "sync-failed", error: error.message });
      }
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const response = await fetch(`${FEED_URL}/feed/v1/webhooks`, {
    method: "POST",
    headers: { authorization: `Bearer ${PRIORITY_FEED_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ url: `http://127.0.0.1:${receiver.address().port}/ward-panel` }),
  });
  if (response.status !== 201)
    throw new Error(`registering the webhook failed: ${response.status} ${await response.text()}`);
  const endpoint = await response.json();
  verifier = new Webhook(endpoint.secret);
  emit({ event: "ready", webhookId: endpoint.id });
} else {
  emit({ event: "ready" });
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const command = JSON.parse(line);
  try {
    emit({ id: command.id, ok: true, result: await run(command) });
  } catch (error) {
    emit({
      id: command.id,
      ok: false,
      error: { message: error.message, code: error instanceof FeedError ? error.code : null },
    });
  }
}
