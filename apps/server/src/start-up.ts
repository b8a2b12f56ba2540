import type { Db } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { listDemoSignIns, seedDemo, type DemoSignIn } from "@wardpanel/db/seed";

/** What every start does before serving: migrate, load reference wards, and the demo if asked. */
export async function prepareDatabase(db: Db, { demoData }: { demoData: boolean }) {
  runMigrations(db);
  const wardsLoaded = ensureWardsLoaded(db);
  const demoSeeded = demoData ? await seedDemo(db) : false;
  const demoSignIns: DemoSignIn[] = demoData ? listDemoSignIns(db) : [];
  return { wardsLoaded, demoSeeded, demoSignIns };
}
