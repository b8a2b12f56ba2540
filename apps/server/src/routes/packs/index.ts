import type { Db } from "@wardpanel/db/client";
import type { PoliceForceId } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { registerCrimeUploadRoute } from "./crime-upload-route";
import { registerPackPdfRoutes } from "./pdf-routes";
import { registerUnsubscribeRoute } from "./unsubscribe-route";

/**
 * The plain HTTP side of crime data and packs (issue 6): bytes and outsiders only. Packs as PDFs,
 * the police.uk file upload, and mail programs' one-click unsubscribe. Pages, drafting, the import
 * log and subscriptions are tRPC procedures (packages/api: crimePacks, crimeData, subscriptions);
 * the pack e-mails are sent by a worker (workers/pack-mailer.ts).
 */
export async function registerPackRoutes(
  app: FastifyInstance,
  db: Db,
  {
    secureCookies,
    policeForceId,
    callTargetMinutes = 60,
  }: { secureCookies: boolean; policeForceId: PoliceForceId; callTargetMinutes?: number },
): Promise<void> {
  registerPackPdfRoutes(app, db, secureCookies, callTargetMinutes);
  await registerCrimeUploadRoute(app, db, { secureCookies, policeForceId });
  await registerUnsubscribeRoute(app, db);
}
