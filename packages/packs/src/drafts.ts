import type { Db } from "@wardpanel/db/client";
import { ensureDraftPack, findPack } from "@wardpanel/db/queries/packs";
import { getPackData } from "@wardpanel/db/queries/packs-data";
import { wards } from "@wardpanel/db/schema";
import { wardsInForce } from "@wardpanel/db/ward-index";
import { DomainError } from "@wardpanel/validators";
import { and, asc, eq } from "drizzle-orm";

import { renderPackPdf } from "./render-pdf";
import { buildPackView } from "./view-model";

export type DraftProgress = {
  done: number;
  total: number;
  wardCode: string;
  outcome: "drafted" | "existing" | "no-data";
};

export type GenerateDraftsParams = {
  month: string;
  /** One borough, or null for every London ward. */
  boroughCode: string | null;
  now: Date;
  /** Also render each draft's PDF (the benchmark's per-ward PDF time; a check the PDF renders). */
  renderPdf?: boolean;
  onProgress?: (progress: DraftProgress) => void;
};

export type GenerateDraftsResult = {
  total: number;
  drafted: number;
  existing: number;
  noData: number;
  totalMs: number;
  viewMs: number;
  pdfMs: number;
  pdfBytes: number;
};

/**
 * Draft packs for every ward of a borough (or of London) in force in the month (wardsInForce: a
 * ward retired before it, or not yet in force, gets none), for the sergeants to review.
 * Each ward is drafted and its view model built (which checks the data makes a pack); wards of a
 * borough with no data that month are counted, not drafted. Yields between wards, so a server
 * running this keeps answering requests and can stream the progress.
 */
export async function generateDraftPacks(db: Db, params: GenerateDraftsParams): Promise<GenerateDraftsResult> {
  const started = performance.now();
  const list = db
    .select({ code: wards.code })
    .from(wards)
    .where(and(wardsInForce(params.month), params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined))
    .orderBy(asc(wards.code))
    .all();
  const result: GenerateDraftsResult = {
    total: list.length,
    drafted: 0,
    existing: 0,
    noData: 0,
    totalMs: 0,
    viewMs: 0,
    pdfMs: 0,
    pdfBytes: 0,
  };
  for (const [i, { code }] of list.entries()) {
    let outcome: DraftProgress["outcome"];
    try {
      const existed = findPack(db, { wardCode: code, month: params.month }) !== null;
      const pack = ensureDraftPack(db, { wardCode: code, month: params.month, now: params.now });
      outcome = existed ? "existing" : "drafted";
      const t0 = performance.now();
      const view = buildPackView(
        getPackData(db, {
          wardCode: code,
          month: params.month,
          commentary: pack.commentary,
          partnerActions: pack.partnerActions,
          now: params.now,
        }),
      );
      result.viewMs += performance.now() - t0;
      if (params.renderPdf) {
        const t1 = performance.now();
        result.pdfBytes += (await renderPackPdf(view)).byteLength;
        result.pdfMs += performance.now() - t1;
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "not_found") throw error;
      outcome = "no-data";
    }
    if (outcome === "drafted") result.drafted += 1;
    else if (outcome === "existing") result.existing += 1;
    else result.noData += 1;
    params.onProgress?.({ done: i + 1, total: list.length, wardCode: code, outcome });
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  result.totalMs = performance.now() - started;
  return result;
}
