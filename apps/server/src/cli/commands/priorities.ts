import type { Command } from "../command";

export const PRIORITY_COMMANDS: Record<string, Command> = {};
