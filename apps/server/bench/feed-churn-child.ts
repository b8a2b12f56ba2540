import { startChurn } from "./feed-churn";

/**
 * feed-churn.ts in its own process, so its work (writing, and reading the snapshots it polls)
 * does not share an event loop with autocannon and inflate the latencies autocannon times.
 * Arguments: the feed's base URL, a key, the database path. Prints `started`, then on SIGTERM
 * stops and prints `CHURN {figures as JSON}`.
 */
const [url = "", key = "", databasePath = ""] = process.argv.slice(2);
const churn = startChurn({ url, key, databasePath });
process.stdout.write("started\n");
process.once("SIGTERM", () => {
  void churn.stop().then((figures) => {
    process.stdout.write(`CHURN ${JSON.stringify(figures)}\n`);
    process.exit(0);
  });
});
