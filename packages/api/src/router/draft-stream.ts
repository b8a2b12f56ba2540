import type { Db } from "@wardpanel/db/client";
import { generateDraftPacks, type GenerateDraftsParams, type GenerateDraftsResult } from "@wardpanel/packs";

/** A line of a drafting run: how far it has got, then (last) what it did. */
type DraftUpdate =
  | { kind: "progress"; done: number; total: number }
  | {
      kind: "done";
      done: number;
      total: number;
      result: Pick<GenerateDraftsResult, "total" | "drafted" | "existing" | "noData" | "totalMs">;
    };

/**
 * Drafts packs as a stream the page reads while it runs (tRPC streams an async generator over
 * httpBatchStreamLink): about fifty progress lines however many wards, then the result. Drafts
 * made are kept if the run stops part way, so an error thrown here loses nothing but the rest.
 */
export async function* streamDraftPacks(
  db: Db,
  params: Omit<GenerateDraftsParams, "onProgress" | "renderPdf">,
): AsyncGenerator<DraftUpdate, void> {
  const pending: DraftUpdate[] = [];
  const run: { outcome: { result: GenerateDraftsResult } | { error: unknown } | null; wake: () => void } = {
    outcome: null,
    wake: () => {},
  };
  let last = 0;
  void generateDraftPacks(db, {
    ...params,
    onProgress: (p) => {
      if (p.done !== p.total && p.done - last < Math.max(1, Math.floor(p.total / 50))) return;
      last = p.done;
      pending.push({ kind: "progress", done: p.done, total: p.total });
      run.wake();
    },
  })
    .then(
      (result) => (run.outcome = { result }),
      (error: unknown) => (run.outcome = { error }),
    )
    .finally(() => run.wake());

  for (;;) {
    for (let next = pending.shift(); next; next = pending.shift()) yield next;
    if (run.outcome) break;
    await new Promise<void>((resolve) => (run.wake = resolve));
  }
  if ("error" in run.outcome) throw run.outcome.error;
  const { total, drafted, existing, noData, totalMs } = run.outcome.result;
  yield { kind: "done", done: total, total, result: { total, drafted, existing, noData, totalMs } };
}
