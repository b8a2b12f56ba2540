import type { Command } from "./command";

/**
 * Every command of `pnpm cli`, in the order `--help` lists them. Each is loaded only when it runs
 * (a dynamic import), so `--help` and a command that needs little (verify-vote) do not pay to load
 * the database, the packs and everything else the other commands use.
 */
/** A command's entry: what follows its name (`usage`, "" for nothing), what it does, and its code. */
type CommandEntry = { usage: string; summary: string; load(): Promise<Command> };

export const COMMANDS: Record<string, CommandEntry> = {
  migrate: {
    usage: "",
    summary: "Apply database migrations (start-up does this too)",
    load: () => import("./commands/migrate").then((m) => m.migrateCommand),
  },
  wards: {
    usage:
      "load [--file <wards.geojson|.shp>] [--check] [--outside-force] [--borough-code/--borough-name] [--*-property]",
    summary: "Load or refresh ward boundaries (ONS GeoJSON or Shapefile, WGS84 or British National Grid)",
    load: () => import("./commands/wards").then((m) => m.wardsCommand),
  },
  users: {
    usage: "create|list",
    summary: "Invite a person with a role, or list people",
    load: () => import("./commands/users").then((m) => m.usersCommand),
  },
  demo: {
    usage: "",
    summary: "Load the demo borough (Camden) into a database that has no people yet",
    load: () => import("./commands/demo").then((m) => m.demoCommand),
  },
  "verify-vote": {
    usage: "<record.json> [--final-hash <hash>] [--trackers <trackers.txt>]",
    summary: "Check a downloaded vote record: its hash chain, its result and its ballot trackers",
    load: () => import("./commands/priorities").then((m) => m.verifyVoteCommand),
  },
  "count-vote": {
    usage: "<ballots.blt> [--tie-break earliest-raised|random-seeded] [--seed <text>] [--json]",
    summary: "Count a BLT ballot file (a ranked vote's ballots.blt, or any election's) by Scottish STV",
    load: () => import("./commands/count-vote").then((m) => m.countVoteCommand),
  },
  "api-keys": {
    usage: "create|list|revoke",
    summary: "Control rooms' keys to the priority feed",
    load: () => import("./commands/feed").then((m) => m.apiKeysCommand),
  },
  "import-crimes": {
    usage: "<street.csv> [<outcomes.csv>] [--replace]",
    summary: "Import a police.uk month (shows what changes before replacing one held)",
    load: () => import("./commands/crime-packs").then((m) => m.importCrimesCommand),
  },
  backup: {
    usage: "<file>",
    summary: "Copy the database to a new file; safe while the server runs",
    load: () => import("./commands/backups").then((m) => m.backupCommand),
  },
  restore: {
    usage: "<file>",
    summary: "Replace the database with a backup (stop the server first)",
    load: () => import("./commands/backups").then((m) => m.restoreCommand),
  },
  retention: {
    usage: "run",
    summary: "Delete personal data past its time now (the server does this daily)",
    load: () => import("./commands/retention").then((m) => m.retentionCommand),
  },
  people: {
    usage: "export|erase <email>",
    summary: "A person's data as JSON, or erase it (UK GDPR)",
    load: () => import("./commands/people").then((m) => m.peopleCommand),
  },
  postcodes: {
    usage: "load <file>…",
    summary: "Load ONSPD/NSPL or Code-Point Open postcodes inside the loaded wards",
    load: () => import("./commands/postcodes").then((m) => m.postcodesCommand),
  },
};
