import type { Command } from "../command";

export const CRIME_PACK_COMMANDS: Record<string, Command> = {};
