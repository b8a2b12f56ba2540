// A writer in its own process for the backup tests: inserts one concern at a time into the
// database named by argv[2] and prints each id once its transaction has committed.
import Database from "better-sqlite3";

const db = new Database(process.argv[2]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare(
  "insert into concerns (ward_code, source, description, location, category) values ('E05013653', 'snt', ?, 'Test Street', 'Other') returning id",
);
const write = () => {
  const { id } = insert.get(`acknowledged write`);
  process.stdout.write(`${id}\n`);
  setTimeout(write, 2);
};
write();
