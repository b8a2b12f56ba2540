import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";
import { WRITE_NOT_SAVED } from "@wardpanel/db/storage-errors";
import { describe, expect, it } from "vitest";

import { startServerProcess } from "./testing/server-process";

const BLOOMSBURY = "E05013653";
/** Room past the database's own size: a few dozen commits' worth of WAL frames. */
const HEADROOM_KIB = 96;

/**
 * The incident behind decision 0010, end to end: a store that stops taking the database's writes
 * while the server runs. SQLite appends a commit's pages to the WAL only at commit, so this is the
 * failure a rolled-back write or `PRAGMA max_page_count` cannot show. The server runs under a file
 * size limit just past the database's size; once the WAL reaches it, each commit fails.
 */
describe("a disk that fills up under the running server", () => {
  it(
    "answers the public concern form 200 only for concerns that were saved, 503 for the rest",
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "wardpanel-full-disk-"));
      const path = join(dir, "wardpanel.sqlite");
      try {
        // One ward, so the database (and so the limit) is small and is reached after a few dozen writes.
        const london = JSON.parse(readFileSync(LONDON_WARDS_PATH, "utf8")) as {
          features: { properties: { WD22CD: string } }[];
        };
        const oneWard = join(dir, "one-ward.geojson");
        writeFileSync(
          oneWard,
          JSON.stringify({
            type: "FeatureCollection",
            features: london.features.filter((f) => f.properties.WD22CD === BLOOMSBURY),
          }),
        );
        const setUp = openDb(path);
        runMigrations(setUp);
        loadWards(setUp, oneWard);
        closeDb(setUp);

        const server = await startServerProcess(
          {
            DATABASE_PATH: path,
            DEMO_DATA: "false",
            TRUST_PROXY: "1",
            PACK_OUTBOX_DIR: join(dir, "outbox"),
            PACK_TOKEN_SECRET: "a-test-secret-of-at-least-thirty-two-chars",
          },
          { fileSizeLimitKiB: Math.ceil(statSync(path).size / 1024) + HEADROOM_KIB },
        );
        const answers: { description: string; status: number; message: string | undefined }[] = [];
        try {
          for (let i = 0; i < 120; i++) {
            const description = `Concern ${i}: ${"vans parked across the dropped kerb every morning ".repeat(18).trim()}`;
            const response = await fetch(`${server.url}/trpc/concerns.submit`, {
              method: "POST",
              // Each from its own address: the per-address limit is not what this test is about.
              headers: { "content-type": "application/json", "x-forwarded-for": `10.1.0.${i}` },
              body: JSON.stringify({
                wardCode: BLOOMSBURY,
                description,
                location: "Marchmont Street",
                postcode: "",
                lon: null,
                lat: null,
                category: "anti-social-behaviour",
                website: "",
                openedAt: Date.now() - 60_000,
              }),
            });
            const body = (await response.json()) as { error?: { message: string } };
            answers.push({ description, status: response.status, message: body.error?.message });
          }
        } finally {
          server.process.kill("SIGTERM");
          await server.exited;
        }

        const db = openDb(path);
        const isSaved = (description: string) =>
          db.$client.prepare("select count(*) as n from concerns where description = ?").pluck().get(description) === 1;
        const saved = answers.filter((a) => a.status === 200);
        const refused = answers.filter((a) => a.status !== 200);
        expect(saved.filter((a) => !isSaved(a.description))).toEqual([]);
        expect(refused.map((a) => [a.status, a.message, isSaved(a.description)])).toEqual(
          refused.map(() => [503, WRITE_NOT_SAVED, false]),
        );
        // The limit was reached part of the way through.
        expect(saved.length).toBeGreaterThan(5);
        expect(refused.length).toBeGreaterThan(5);
        closeDb(db);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
