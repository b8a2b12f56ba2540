import type { Db } from "@wardpanel/db/client";
import { type CrimeImportStage, deleteCrimeImportStage } from "@wardpanel/db/queries/crime-import-stages";
import type { PoliceForceId } from "@wardpanel/validators";

import { commitCrimeImport, type ImportCrimeFilesResult, prepareCrimeImport } from "./import-crimes";

/**
 * Imports an upload that was staged because it replaces a held month, once its uploader has
 * confirmed. The files are parsed again from the bytes kept, so what is written is what was
 * previewed; if the month changed since the preview the import is refused (DomainError conflict).
 * The stage is removed in the same transaction, so an upload is imported at most once.
 */
export async function importStagedCrimeFiles(
  db: Db,
  {
    stage,
    importedBy,
    now,
    homeForceId,
  }: { stage: CrimeImportStage; importedBy: number; now: Date; homeForceId?: PoliceForceId | undefined },
): Promise<ImportCrimeFilesResult> {
  const fileOf = (file: CrimeImportStage["street"]) =>
    file ? { input: file.content, fileName: file.fileName } : undefined;
  const prepared = await prepareCrimeImport(db, {
    street: fileOf(stage.street),
    outcomes: fileOf(stage.outcomes),
    homeForceId,
  });
  return db.transaction(() => {
    const result = commitCrimeImport(db, prepared, { replace: { heldImportId: stage.heldImportId }, importedBy, now });
    deleteCrimeImportStage(db, stage.id);
    return result;
  });
}
