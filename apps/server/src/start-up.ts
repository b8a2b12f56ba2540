import type { Db } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { type DemoSignIn, listDemoSignIns, seedDemo } from "@wardpanel/db/seed";
import { ensureDemoApiKey, getDemoApiKey } from "@wardpanel/db/seed/demo-feed";
import { seedDemoCrimeData } from "@wardpanel/packs/demo";

/** What every start does before serving: migrate, load reference wards, and the demo if asked. */
export async function prepareDatabase(db: Db, { demoData }: { demoData: boolean }) {
  runMigrations(db);
  const wardsLoaded = ensureWardsLoaded(db);
  const demoSeeded = demoData ? await seedDemo(db) : false;
  // Each demo part is idempotent: real police.uk months with published packs, and a control-room key.
  if (demoData) {
    await seedDemoCrimeData(db);
    ensureDemoApiKey(db);
  }
  const demoSignIns: DemoSignIn[] = demoData ? listDemoSignIns(db) : [];
  const demoApiKey = demoData ? getDemoApiKey(db) : null;
  return { wardsLoaded, demoSeeded, demoSignIns, demoApiKey };
}
