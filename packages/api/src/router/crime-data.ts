import { getCrimeImportStage } from "@wardpanel/db/queries/crime-import-stages";
import { describeRestore, restoreMonthVersion } from "@wardpanel/db/queries/crime-versions";
import { listCrimeImports } from "@wardpanel/db/queries/crimes";
import { importStagedCrimeFiles } from "@wardpanel/packs";
import {
  ConfirmCrimeImportInput,
  CrimeImportRef,
  DomainError,
  policeForceIdOf,
  policeForceName,
  RestoreCrimeMonthInput,
} from "@wardpanel/validators";

import { createTRPCRouter, forceProcedure } from "../trpc";

/**
 * A police force's crime data, which covers every ward it polices: its analysts (and admins) read
 * the import log, confirm an upload that replaces a month, and restore a replaced month. The files
 * themselves are uploaded over plain HTTP with the bytes (apps/server/src/routes/packs/crime-import-routes.ts).
 */
const forceAnalyst = forceProcedure("importCrimeData");

export const crimeDataRouter = createTRPCRouter({
  /** The force's import log, newest first: every import and restore, who made it and the row counts. */
  imports: forceAnalyst.query(({ ctx, input }) =>
    listCrimeImports(ctx.db, { force: policeForceName(input.force) }).map((entry) => ({
      ...entry,
      importedAt: entry.importedAt.toISOString(),
    })),
  ),

  /**
   * Imports an upload that was kept because it replaces a month already held, once its uploader
   * has seen the ward-by-ward comparison. Only the uploader's own, unexpired upload, for this force.
   */
  confirmUpload: forceAnalyst.input(ConfirmCrimeImportInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const stage = getCrimeImportStage(ctx.db, { id: input.stagedImportId, createdBy: ctx.viewer.id, now });
    if (policeForceIdOf(stage.force) !== input.force)
      throw new DomainError(
        "not_found",
        "This upload has expired or has already been imported. Upload the files again.",
      );
    return importStagedCrimeFiles(ctx.db, { stage, importedBy: ctx.viewer.id, now, homeForceId: ctx.policeForceId });
  }),

  /** What restoring the rows an import replaced would change now, ward by ward: shown before confirming. */
  restorePreview: forceAnalyst
    .input(CrimeImportRef)
    .query(({ ctx, input }) =>
      describeRestore(ctx.db, { force: policeForceName(input.force), importId: input.importId }),
    ),

  /** Puts back the rows an import replaced, after the person confirmed the preview; logged as a restore. */
  restore: forceAnalyst.input(RestoreCrimeMonthInput).mutation(({ ctx, input }) =>
    restoreMonthVersion(ctx.db, {
      force: policeForceName(input.force),
      importId: input.importId,
      heldImportId: input.heldImportId,
      restoredBy: ctx.viewer.id,
      now: ctx.now(),
    }),
  ),
});
