import { readFileSync } from "node:fs";
import { basename } from "node:path";

import type { Db } from "@wardpanel/db/client";
import { publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { crimeImports, wards } from "@wardpanel/db/schema";
import { asc, count, eq } from "drizzle-orm";

import { importCrimeFiles } from "./import-crimes";
import { POLICE_UK_FILES } from "./testing/real-files";

/** Camden, the demo borough (packages/db/src/seed/demo.ts). */
const DEMO_BOROUGH = "E09000007";
const DEMO_MONTH = "2024-12";

const COMMENTARY =
  "These figures come from the Metropolitan Police's December 2024 file on data.police.uk. This demonstration ships only the burglary rows of that file, so every other type of crime shows as none: a real month has all fourteen types.\n\n" +
  "Burglary is the crime residents raise with us most in winter, when it gets dark early. Check that ground-floor windows are locked and that lights are on timers when you are out.";
const PARTNERS =
  "Camden Council and housing providers are checking communal door entry systems on estates where doors have been found propped open.";

/**
 * Demo crime data: imports the real police.uk files shipped in @wardpanel/crime-data (City of
 * London January and February 2024; the Met's December 2024 burglary extract with its outcomes)
 * and publishes December 2024 packs for every demo (Camden) ward, so a newcomer sees a real pack
 * on first start. Runs only when no crime data has been imported; says whether it did.
 */
export async function seedDemoCrimeData(db: Db, now = new Date()): Promise<boolean> {
  const [imported] = db.select({ n: count() }).from(crimeImports).all();
  if ((imported?.n ?? 0) > 0) return false;
  const file = (path: string) => ({ input: readFileSync(path), fileName: basename(path) });
  await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
  await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202402), importedBy: null, now });
  await importCrimeFiles(db, {
    street: file(POLICE_UK_FILES.metStreet202412),
    outcomes: file(POLICE_UK_FILES.metOutcomes202412),
    importedBy: null,
    now,
  });

  const camden = db
    .select({ code: wards.code })
    .from(wards)
    .where(eq(wards.boroughCode, DEMO_BOROUGH))
    .orderBy(asc(wards.code))
    .all();
  db.transaction(() => {
    for (const { code } of camden) {
      savePackText(db, { wardCode: code, month: DEMO_MONTH, commentary: COMMENTARY, partnerActions: PARTNERS, now });
      publishPack(db, { wardCode: code, month: DEMO_MONTH, now });
    }
  });
  return true;
}
