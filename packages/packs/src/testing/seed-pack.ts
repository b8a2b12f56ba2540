import { readFileSync } from "node:fs";

import type { Db } from "@wardpanel/db/client";
import { returnedRow } from "@wardpanel/db/returned-row";
import { apiKeys, callResponses, priorities, priorityProgress } from "@wardpanel/db/schema";

import { importCrimeFiles } from "../import-crimes";
import { POLICE_UK_FILES } from "./real-files";

/** Camden's Bloomsbury ward: the Met's 2024-12 burglary extract has crimes there. */
export const BLOOMSBURY = "E05013653";

/** Imports the Met's December 2024 burglary files. */
export async function importMetDecember(db: Db, now = new Date("2025-01-20T10:00:00Z")) {
  return importCrimeFiles(db, {
    street: { input: readFileSync(POLICE_UK_FILES.metStreet202412), fileName: "2024-12-metropolitan-street.csv" },
    outcomes: { input: readFileSync(POLICE_UK_FILES.metOutcomes202412), fileName: "2024-12-metropolitan-outcomes.csv" },
    importedBy: null,
    now,
  });
}

/**
 * An active priority with progress for `month`, and priority calls: the rows the priorities and
 * feed features write, inserted directly so the pack can be tested before their queries exist.
 */
export function seedPriorityWithProgress(
  db: Db,
  {
    wardCode,
    month,
    calls = [],
  }: { wardCode: string; month: string; calls?: { receivedAt: Date; minutes: number | null }[] },
) {
  const now = new Date();
  const priorityId = returnedRow(
    db
      .insert(priorities)
      .values({
        wardCode,
        title: "Burglary around Russell Square",
        problem: "Residents said flats near Russell Square are being broken into at night.",
        placeName: "Russell Square and Bedford Place",
        wantedAction: "Patrols after dark and crime-prevention visits",
        status: "active",
        isCallHandlingFlagged: true,
        updatedAt: now,
      })
      .returning({ id: priorities.id }),
  ).id;
  db.insert(priorities).values({ wardCode, title: "An old draft priority", status: "draft", updatedAt: now }).run();
  db.insert(priorityProgress)
    .values({
      priorityId,
      month,
      policeAction: "Twelve evening patrols and 40 crime-prevention visits",
      partnerAction: "Camden Council fixed six street lights",
      whatChanged: "Two arrests",
    })
    .run();
  db.insert(priorityProgress)
    .values({ priorityId, month: "2000-01", policeAction: "An entry from another month" })
    .run();
  if (calls.length > 0) {
    const keyId = returnedRow(
      db
        .insert(apiKeys)
        .values({ name: "Test control room", keyHash: `hash-${priorityId}-${Math.random()}`, prefix: "wp_test" })
        .returning({ id: apiKeys.id }),
    ).id;
    calls.forEach((c, i) =>
      db
        .insert(callResponses)
        .values({
          apiKeyId: keyId,
          callReference: `CAD-${i}`,
          priorityId,
          receivedAt: c.receivedAt,
          arrivedAt: c.minutes === null ? null : new Date(c.receivedAt.getTime() + c.minutes * 60_000),
        })
        .run(),
    );
  }
  return priorityId;
}
