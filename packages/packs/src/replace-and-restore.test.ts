import { readFileSync } from "node:fs";

import { countMonthByWard, describeRestore, restoreMonthVersion } from "@wardpanel/db/queries/crime-versions";
import { countCrimeMonth, listCrimeImports } from "@wardpanel/db/queries/crimes";
import { createTestDb } from "@wardpanel/db/testing";
import { DomainError } from "@wardpanel/validators";
import { describe, expect, it } from "vitest";

import { CrimeImportRefusal, ReplaceNotConfirmedError } from "./crime-import-errors";
import { importCrimeFiles } from "./import-crimes";
import { POLICE_UK_FILES } from "./testing/real-files";

const CITY = "City of London Police";
const now = new Date("2025-01-20T10:00:00Z");
const later = new Date("2025-01-21T10:00:00Z");
const file = (path: string) => ({ input: readFileSync(path), fileName: path.split("/").at(-1)! });
const lines = (path: string) => readFileSync(path, "utf8").split("\n");
/** The City's January 2024 cut down to its header and first two rows: the "1-row file" mistake. */
const truncated = () => ({
  input: Buffer.from(lines(POLICE_UK_FILES.city202401).slice(0, 3).join("\n")),
  fileName: "2024-01-truncated.csv",
});

async function importJanuary() {
  const db = createTestDb();
  const first = await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
  return { db, firstId: first.street!.importId, before: countMonthByWard(db, { force: CITY, month: "2024-01" }) };
}

describe("replacing a month already held, and restoring it", () => {
  it("refuses to replace a held month without confirmation, saying rows before and after and the wards that change", async () => {
    const { db, firstId, before } = await importJanuary();
    const refusal = await importCrimeFiles(db, { street: truncated(), importedBy: null, now: later }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ReplaceNotConfirmedError);
    const change = (refusal as ReplaceNotConfirmedError).change;
    expect(change).toMatchObject({
      force: CITY,
      month: "2024-01",
      heldImportId: firstId,
      rowsBefore: 734,
      rowsAfter: 2,
    });
    // Every ward with January crimes changes but the one or two the two rows fall in may stay level.
    const wardsHeld = [...before.keys()].filter((k) => k !== null).length;
    expect(change.wards.length + change.wardsUnchanged).toBe(wardsHeld);
    expect(change.wards.length).toBeGreaterThanOrEqual(wardsHeld - 2);
    for (const w of change.wards) expect(w.before).toBe(before.get(w.wardCode) ?? 0);
    expect(change.wards[0]!.wardName).not.toMatch(/^E05/);
    expect(change.outsideWards.before).toBe(before.get(null));
    // Sorted largest change first.
    const sizes = change.wards.map((w) => Math.abs(w.after - w.before));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);
    expect(listCrimeImports(db)).toHaveLength(1);
  });

  it("replaces once confirmed for the version previewed, refuses a confirmation of a version no longer held, and logs both imports", async () => {
    const { db, firstId } = await importJanuary();
    const stale = await importCrimeFiles(db, {
      street: truncated(),
      replace: { heldImportId: firstId + 100 },
      importedBy: null,
      now: later,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).kind).toBe("conflict");
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);

    const replaced = await importCrimeFiles(db, {
      street: truncated(),
      replace: { heldImportId: firstId },
      importedBy: null,
      now: later,
    });
    expect(replaced.street).toMatchObject({ replaced: 734, inserted: 2 });
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(2);
    const log = listCrimeImports(db, { force: CITY });
    expect(log.map((e) => [e.kind, e.fileName, e.rowsBefore, e.rowsAfter, e.canRestore])).toEqual([
      ["street", "2024-01-truncated.csv", 734, 2, true],
      ["street", "2024-01-city-of-london-street.csv", 0, 734, false],
    ]);
  });

  it("restores the rows a replacement took away, ward for ward, logs the restore, and the restore can itself be undone", async () => {
    const { db, firstId, before } = await importJanuary();
    const replaced = await importCrimeFiles(db, {
      street: truncated(),
      replace: { heldImportId: firstId },
      importedBy: null,
      now: later,
    });
    const replacementId = replaced.street!.importId;

    const preview = describeRestore(db, { force: CITY, importId: replacementId });
    expect(preview).toMatchObject({ heldImportId: replacementId, rowsBefore: 2, rowsAfter: 734 });
    // A restore confirmed against a version no longer held is refused and changes nothing.
    expect(() =>
      restoreMonthVersion(db, {
        force: CITY,
        importId: replacementId,
        heldImportId: firstId,
        restoredBy: null,
        now: later,
      }),
    ).toThrow(/has changed since/);
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(2);

    const restored = restoreMonthVersion(db, {
      force: CITY,
      importId: replacementId,
      heldImportId: preview.heldImportId,
      restoredBy: null,
      now: later,
    });
    expect(restored).toMatchObject({ month: "2024-01", rowsBefore: 2, rowsAfter: 734 });
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);
    expect(countMonthByWard(db, { force: CITY, month: "2024-01" })).toEqual(before);

    const log = listCrimeImports(db, { force: CITY });
    expect(log[0]).toMatchObject({
      kind: "restore",
      restoredFrom: replacementId,
      fileName: "2024-01-city-of-london-street.csv",
      rowsBefore: 2,
      rowsAfter: 734,
      canRestore: true,
    });

    // Undo the restore: back to the two rows.
    restoreMonthVersion(db, {
      force: CITY,
      importId: restored.importId,
      heldImportId: restored.importId,
      restoredBy: null,
      now: later,
    });
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(2);
  });

  it("refuses a crime already held for another month with the file, line and month, keeping both months as they were", async () => {
    const { db } = await importJanuary();
    const january = lines(POLICE_UK_FILES.city202401);
    const february = lines(POLICE_UK_FILES.city202402);
    const januaryId = january[16]!.split(",")[0]!;
    // Line 40 of February's file claims a Crime ID January already holds.
    february[39] = `${januaryId},${february[39]!.split(",").slice(1).join(",")}`;
    const clash = { input: Buffer.from(february.join("\n")), fileName: "2024-02-edited.csv" };

    const refusal = await importCrimeFiles(db, { street: clash, importedBy: null, now: later }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(CrimeImportRefusal);
    expect(refusal).toMatchObject({ field: "street", fileName: "2024-02-edited.csv", line: 40 });
    expect((refusal as Error).message).toBe(
      `2024-02-edited.csv was not imported. Line 40: Crime ID ${januaryId} is already held for 2024-01, and a crime belongs to one month. Nothing was changed.`,
    );
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);
    expect(countCrimeMonth(db, { force: CITY, month: "2024-02" }).total).toBe(0);
    expect(listCrimeImports(db)).toHaveLength(1);
  });
});
