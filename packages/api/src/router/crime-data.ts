import { describeRestore, restoreMonthVersion } from "@wardpanel/db/queries/crime-versions";
import { listCrimeImports } from "@wardpanel/db/queries/crimes";
import { CrimeImportRef, policeForceName, RestoreCrimeMonthInput } from "@wardpanel/validators";
import { createTRPCRouter, forceProcedure } from "../trpc";

/**
 * A police force's crime data, which covers every ward it polices: its analysts (and admins) read
 * the import log and restore a replaced month. Uploading files, and confirming an upload that
 * replaces a month, go over plain HTTP with the bytes (apps/server/src/routes/packs/crime-import-routes.ts).
 */
const forceAnalyst = forceProcedure("importCrimeData");

export const crimeDataRouter = createTRPCRouter({
  /** The force's import log, newest first: every import and restore, who made it and the row counts. */
  imports: forceAnalyst.query(({ ctx, input }) =>
    listCrimeImports(ctx.db, { force: policeForceName(input.force) }).map((entry) => ({ ...entry, importedAt: entry.importedAt.toISOString() })),
  ),

  /** What restoring the rows an import replaced would change now, ward by ward: shown before confirming. */
  restorePreview: forceAnalyst.input(CrimeImportRef).query(({ ctx, input }) => describeRestore(ctx.db, { force: policeForceName(input.force), importId: input.importId })),

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
