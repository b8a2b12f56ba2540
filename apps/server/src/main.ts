import { closeDb, openDb } from "@wardpanel/db/client";
import { acquireDatabaseLock, DatabaseInUseError } from "@wardpanel/db/operations/lock";
import { DEMO_PASSWORD } from "@wardpanel/db/seed";

import { buildServer } from "./app";
import { readEnv } from "./env";
import { prepareDatabase } from "./start-up";
import { startScheduledBackups } from "./workers/backups";
import { startDailyRetention } from "./workers/retention";

const env = readEnv();
// Held until the process ends, so `pnpm cli restore` can tell the database is in use.
const lock = holdDatabase(env.DATABASE_PATH);
const db = openDb(env.DATABASE_PATH);
const { wardsLoaded, hasWards, demoSeeded, demoSignIns, demoApiKey } = await prepareDatabase(db, {
  demoData: env.DEMO_DATA,
  policeForceId: env.POLICE_FORCE_ID,
});
const app = await buildServer({ db, env });
app.log.info({ databasePath: env.DATABASE_PATH, wardsLoaded, demoData: env.DEMO_DATA, demoSeeded }, "database ready");
if (!hasWards)
  app.log.warn(
    { policeForceId: env.POLICE_FORCE_ID },
    "no wards loaded: load your force's ONS ward files with pnpm cli wards load --file (docs/other-forces.md)",
  );
const schedules = [startDailyRetention(db, { retentionMonths: env.RETENTION_MONTHS }, app.log)];
if (env.BACKUP_DIR) {
  const backups = { dir: env.BACKUP_DIR, intervalMs: env.BACKUP_INTERVAL, keep: env.BACKUP_KEEP };
  schedules.push(startScheduledBackups(db, backups, app.log));
  app.log.info(backups, "scheduled backups on");
} else {
  app.log.warn("scheduled backups off: set BACKUP_DIR to turn them on");
}

function holdDatabase(databasePath: string) {
  try {
    return acquireDatabaseLock(databasePath);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    process.stderr.write(`Ward Panel cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "shutting down: finishing in-flight requests");
  const forced = setTimeout(() => {
    app.log.error("in-flight requests did not finish within 10 seconds; exiting");
    process.exit(1);
  }, 10_000);
  forced.unref();
  await app.close();
  await Promise.all(schedules.map((schedule) => schedule.stop()));
  closeDb(db);
  lock.release();
  app.log.info("stopped cleanly");
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

const address = await app.listen({ port: env.PORT, host: env.HOST });
const port = new URL(address).port;
const local = `http://localhost:${port}`;
// Printed plainly as well as logged, so a person starting the demo sees where to go.
const signInLines = demoSignIns.map((s) => `  ${s.role.padEnd(13)} ${s.email.padEnd(32)} ${s.wards}`);
const keyBlock = demoApiKey
  ? `\nDemo control-room key (Camden), for the priority feed:\n  curl -H "Authorization: Bearer ${demoApiKey}" ${local}/feed/v1/priorities\n`
  : "";
const demoBlock =
  signInLines.length > 0
    ? `\nDemo sign-ins (password for all: ${DEMO_PASSWORD}) at ${local}/sign-in\n${signInLines.join("\n")}\n${keyBlock}`
    : "";
process.stdout.write(`${demoBlock}\nWard Panel is running: open ${local}\n\n`);
