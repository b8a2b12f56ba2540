import { policesLondon } from "@wardpanel/crime-data";
import type { Db } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { listBoroughs } from "@wardpanel/db/queries/wards";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { type DemoSignIn, listDemoSignIns, seedDemo } from "@wardpanel/db/seed";
import { ensureDemoApiKey, getDemoApiKey } from "@wardpanel/db/seed/demo-feed";
import { seedDemoCrimeData } from "@wardpanel/packs/demo";

/**
 * What every start does before serving: migrate, load the shipped London wards into a London
 * force's empty database (another force's deployment loads its own with `pnpm cli wards load`),
 * and the demo if asked.
 */
export async function prepareDatabase(
  db: Db,
  { demoData, policeForceId }: { demoData: boolean; policeForceId: string },
) {
  runMigrations(db);
  const wardsLoaded = policesLondon(policeForceId) ? ensureWardsLoaded(db) : 0;
  const demoSeeded = demoData ? await seedDemo(db) : false;
  // Each demo part is idempotent: real police.uk months with published packs, and a control-room key.
  if (demoData) {
    await seedDemoCrimeData(db);
    ensureDemoApiKey(db);
  }
  const demoSignIns: DemoSignIn[] = demoData ? listDemoSignIns(db) : [];
  const demoApiKey = demoData ? getDemoApiKey(db) : null;
  // Another force's deployment starts with no wards until its own are loaded: said at start.
  const hasWards = listBoroughs(db).length > 0;
  return { wardsLoaded, hasWards, demoSeeded, demoSignIns, demoApiKey };
}
