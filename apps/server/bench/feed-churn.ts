import { closeDb, openDb } from "@wardpanel/db/client";
import { getFeedHead } from "@wardpanel/db/queries/feed";
import { getPriorityInWard, updatePriority } from "@wardpanel/db/queries/priorities";
import { defined, PriorityFields } from "@wardpanel/validators";

/**
 * The feed changing while it is used, for the bench (issue 14, "Figures"): from its own database
 * connection, as the CLI or the staff app's process would, one priority is edited every
 * `everyMs`; a snapshot client polls GET /priorities every second with If-None-Match (gzip), as a
 * control room's client does; and after each edit a probe asks GET /priorities/changes every 5 ms
 * and GET /priorities every 20 ms until the change appears, which times publish → visible.
 */
export type ChurnFigures = {
  edits: number;
  snapshotPolls: number;
  /** ms from the edit's commit to the first /changes answer that holds it. */
  toChanges: number[];
  /** ms from the edit's commit to the first snapshot whose cursor is at or past it. */
  toSnapshot: number[];
};

export function startChurn(options: { url: string; key: string; databasePath: string; everyMs?: number }) {
  const db = openDb(options.databasePath);
  const headers = { authorization: `Bearer ${options.key}` };
  const target = db.$client
    .prepare("select id, ward_code as wardCode from priorities where status = 'active' order by id limit 1")
    .get() as { id: number; wardCode: string };
  const figures: ChurnFigures = { edits: 0, snapshotPolls: 0, toChanges: [], toSnapshot: [] };
  let stopped = false;
  const probes: Promise<void>[] = [];

  const edit = setInterval(() => {
    const priority = getPriorityInWard(db, target.wardCode, target.id);
    const fields = PriorityFields.parse({ ...priority, title: `Bench edit ${figures.edits + 1}` });
    updatePriority(db, { wardCode: target.wardCode, priorityId: target.id, fields, now: new Date() });
    const at = performance.now();
    figures.edits += 1;
    probes.push(probe(getFeedHead(db).cursor, at));
  }, options.everyMs ?? 1000);

  async function probe(cursor: number, at: number): Promise<void> {
    const seen = { changes: false, snapshot: false };
    let etag = "";
    for (let tick = 0; !(seen.changes && seen.snapshot) && performance.now() - at < 10_000; tick++) {
      if (!seen.changes) {
        const page = (await (
          await fetch(`${options.url}/feed/v1/priorities/changes?after=${cursor - 1}`, { headers })
        ).json()) as { changes: { cursor: string }[] };
        if (page.changes.some((change) => Number(change.cursor) >= cursor)) {
          seen.changes = true;
          figures.toChanges.push(performance.now() - at);
        }
      }
      if (!seen.snapshot && tick % 4 === 0) {
        const response = await fetch(`${options.url}/feed/v1/priorities`, {
          headers: { ...headers, "accept-encoding": "gzip", ...(etag ? { "if-none-match": etag } : {}) },
        });
        etag = response.headers.get("etag") ?? etag;
        if (response.status === 200) {
          if ((await cursorOf(response)) >= cursor) {
            seen.snapshot = true;
            figures.toSnapshot.push(performance.now() - at);
          }
        } else await response.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  // The control room's client: a conditional snapshot every second, the whole body when it changed.
  const poller = (async () => {
    let etag = "";
    while (!stopped) {
      const response = await fetch(`${options.url}/feed/v1/priorities`, {
        headers: { ...headers, "accept-encoding": "gzip", ...(etag ? { "if-none-match": etag } : {}) },
      });
      etag = response.headers.get("etag") ?? etag;
      await response.arrayBuffer();
      figures.snapshotPolls += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();

  return {
    async stop(): Promise<ChurnFigures> {
      stopped = true;
      clearInterval(edit);
      await Promise.all([poller, ...probes]);
      closeDb(db);
      return figures;
    },
  };
}

/** A snapshot's cursor, read from the start of its body (it comes first), without reading all 3 MB. */
async function cursorOf(response: Response): Promise<number> {
  const reader = defined(response.body, "a snapshot's body").getReader();
  const decoder = new TextDecoder();
  let head = "";
  while (!/"cursor":"\d+"/.test(head) && head.length < 4096) {
    const { value, done } = await reader.read();
    if (done) break;
    head += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return Number(/"cursor":"(\d+)"/.exec(head)?.[1] ?? NaN);
}

/** p50 and max of some milliseconds, rounded. */
export function spread(ms: readonly number[]): { p50: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
    max: Math.round(sorted.at(-1) ?? NaN),
  };
}
