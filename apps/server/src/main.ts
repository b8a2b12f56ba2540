import { closeDb, openDb } from "@wardpanel/db/client";
import { DEMO_PASSWORD } from "@wardpanel/db/seed";
import { buildServer } from "./app";
import { readEnv } from "./env";
import { prepareDatabase } from "./start-up";

const env = readEnv();
const db = openDb(env.DATABASE_PATH);
const { wardsLoaded, demoSeeded, demoSignIns, demoApiKey } = await prepareDatabase(db, { demoData: env.DEMO_DATA });
const app = await buildServer({ db, env });
app.log.info({ databasePath: env.DATABASE_PATH, wardsLoaded, demoData: env.DEMO_DATA, demoSeeded }, "database ready");

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
  closeDb(db);
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
const demoBlock = signInLines.length > 0 ? `\nDemo sign-ins (password for all: ${DEMO_PASSWORD}) at ${local}/sign-in\n${signInLines.join("\n")}\n${keyBlock}` : "";
process.stdout.write(`${demoBlock}\nWard Panel is running: open ${local}\n\n`);
