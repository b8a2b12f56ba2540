import { DomainError } from "@wardpanel/validators";
import { migrateCommand } from "./commands/migrate";
import { demoCommand } from "./commands/demo";
import { usersCommand } from "./commands/users";
import { wardsCommand } from "./commands/wards";
import type { Command } from "./command";
import { CRIME_PACK_COMMANDS } from "./commands/crime-packs";
import { FEED_COMMANDS } from "./commands/feed";
import { PRIORITY_COMMANDS } from "./commands/priorities";
import { BACKUP_COMMANDS } from "./commands/backups";
import { peopleCommand } from "./commands/people";
import { retentionCommand } from "./commands/retention";
import { postcodesCommand } from "./commands/postcodes";

/** `pnpm cli <command>`: the operators' one entry point. Later features add their commands here. */
const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  wards: wardsCommand,
  users: usersCommand,
  demo: demoCommand,
  ...PRIORITY_COMMANDS,
  ...FEED_COMMANDS,
  ...CRIME_PACK_COMMANDS,
  ...BACKUP_COMMANDS,
  retention: retentionCommand,
  people: peopleCommand,
  postcodes: postcodesCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: pnpm cli <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nSettings come from the environment (DATABASE_PATH…), as for \`pnpm start\`.\n`;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  process.stderr.write(name && name !== "help" && name !== "--help" ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name && name !== "help" && name !== "--help" ? 2 : 0);
}

try {
  process.exitCode = await command.run(args);
} catch (error) {
  // A clear one-line reason for the operator; a stack only for the unexpected.
  if (error instanceof DomainError || (error instanceof Error && error.name === "CliUsageError")) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
