import type { Command } from "../command";

export const FEED_COMMANDS: Record<string, Command> = {};
