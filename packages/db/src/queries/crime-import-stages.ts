import { DomainError } from "@wardpanel/validators";
import { and, eq, gt, lte } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { crimeImportStages } from "../schema";

/** How long an upload waits for its confirmation: long enough to read the preview, short enough not to keep 25 MB files about. */
const CRIME_IMPORT_STAGE_LIFETIME_MS = 30 * 60 * 1000;

export type StagedFile = { fileName: string; content: Buffer };

type CreateCrimeImportStageParams = {
  force: string;
  month: string;
  heldImportId: number | null;
  street: StagedFile | null;
  outcomes: StagedFile | null;
  createdBy: number;
  now: Date;
};

/** Keeps an upload that replaces a held month until it is confirmed; clears out expired ones first. */
export function createCrimeImportStage(db: Db, params: CreateCrimeImportStageParams): { id: number; expiresAt: Date } {
  const expiresAt = new Date(params.now.getTime() + CRIME_IMPORT_STAGE_LIFETIME_MS);
  return db.transaction(() => {
    db.delete(crimeImportStages).where(lte(crimeImportStages.expiresAt, params.now)).run();
    const { id } = returnedRow(
      db
        .insert(crimeImportStages)
        .values({
          force: params.force,
          month: params.month,
          heldImportId: params.heldImportId,
          streetFileName: params.street?.fileName ?? null,
          streetContent: params.street?.content ?? null,
          outcomesFileName: params.outcomes?.fileName ?? null,
          outcomesContent: params.outcomes?.content ?? null,
          createdBy: params.createdBy,
          expiresAt,
        })
        .returning({ id: crimeImportStages.id }),
    );
    return { id, expiresAt };
  });
}

/** `force` as police.uk names it. */
export type CrimeImportStage = {
  id: number;
  force: string;
  month: string;
  heldImportId: number | null;
  street: StagedFile | null;
  outcomes: StagedFile | null;
};

/**
 * An unexpired upload of this person. Anyone else's or an expired one is "not found": a staged
 * upload is confirmed by the person who saw its preview.
 */
export function getCrimeImportStage(
  db: Db,
  { id, createdBy, now }: { id: number; createdBy: number; now: Date },
): CrimeImportStage {
  const row = db
    .select()
    .from(crimeImportStages)
    .where(
      and(
        eq(crimeImportStages.id, id),
        eq(crimeImportStages.createdBy, createdBy),
        gt(crimeImportStages.expiresAt, now),
      ),
    )
    .get();
  if (!row)
    throw new DomainError("not_found", "This upload has expired or has already been imported. Upload the files again.");
  const fileOf = (fileName: string | null, content: Buffer | null) =>
    fileName !== null && content !== null ? { fileName, content } : null;
  return {
    id: row.id,
    force: row.force,
    month: row.month,
    heldImportId: row.heldImportId,
    street: fileOf(row.streetFileName, row.streetContent),
    outcomes: fileOf(row.outcomesFileName, row.outcomesContent),
  };
}

/** Called in the transaction that imports the staged files, so an upload is imported once. */
export function deleteCrimeImportStage(db: Db, id: number): void {
  db.delete(crimeImportStages).where(eq(crimeImportStages.id, id)).run();
}
