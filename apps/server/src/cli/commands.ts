import type { Command } from "./command";

/**
 * Every command of `pnpm cli`, in the order `--help` lists them. Each is loaded only when it runs
 * (a dynamic import), so `--help` and a command that needs little (verify-vote) do not pay to load
 * the database, the packs and everything else the other commands use.
 */
export const COMMANDS: Record<string, { summary: string; load(): Promise<Command> }> = {
  migrate: {
    summary: "Apply database migrations (start-up does this too)",
    load: () => import("./commands/migrate").then((m) => m.migrateCommand),
  },
  wards: {
    summary: "wards load [--file <wards.geojson>]: load or refresh ward boundaries (ONS GeoJSON)",
    load: () => import("./commands/wards").then((m) => m.wardsCommand),
  },
  users: {
    summary: "users create|list: invite a person with a role, or list people",
    load: () => import("./commands/users").then((m) => m.usersCommand),
  },
  demo: {
    summary: "Load the demo borough (Camden) into a database that has no people yet",
    load: () => import("./commands/demo").then((m) => m.demoCommand),
  },
  "verify-vote": {
    summary: "check a downloaded vote record: its hash chain and its result",
    load: () => import("./commands/priorities").then((m) => m.verifyVoteCommand),
  },
  "api-keys": {
    summary: "api-keys create|list|revoke: control rooms' keys to the priority feed",
    load: () => import("./commands/feed").then((m) => m.apiKeysCommand),
  },
  "import-crimes": {
    summary:
      "import-crimes <street.csv> [<outcomes.csv>] [--replace]: import a police.uk month (shows what changes before replacing one held)",
    load: () => import("./commands/crime-packs").then((m) => m.importCrimesCommand),
  },
  backup: {
    summary: "backup <file>: copy the database to a new file; safe while the server runs",
    load: () => import("./commands/backups").then((m) => m.backupCommand),
  },
  restore: {
    summary: "restore <file>: replace the database with a backup (stop the server first)",
    load: () => import("./commands/backups").then((m) => m.restoreCommand),
  },
  retention: {
    summary: "retention run: delete personal data past its time now (the server does this daily)",
    load: () => import("./commands/retention").then((m) => m.retentionCommand),
  },
  people: {
    summary: "people export|erase <email>: a person's data as JSON, or erase it (UK GDPR)",
    load: () => import("./commands/people").then((m) => m.peopleCommand),
  },
  postcodes: {
    summary: "postcodes load <file>…: load ONSPD/NSPL or Code-Point Open postcodes inside the loaded wards",
    load: () => import("./commands/postcodes").then((m) => m.postcodesCommand),
  },
};
