import { CliError } from "./cli-error.js";

/** Runs node:util parseArgs, turning its errors into usage errors that name the command. */
export function withUsage<T>(command: string, usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliError(`${command}: ${(error as Error).message}\n\n${usage}`);
  }
}

export function required(value: string | boolean | undefined, flag: string, usage: string): string {
  if (typeof value !== "string" || value === "") throw new CliError(`missing --${flag}\n\n${usage}`);
  return value;
}

export function optionalNumber(value: string | boolean | undefined, flag: string, limit: number): number | undefined {
  if (typeof value !== "string") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || Math.abs(number) > limit)
    throw new CliError(`--${flag} must be a number between -${limit} and ${limit}`);
  return number;
}

/**
 * parseArgs refuses "--lon -0.14" as ambiguous (the value looks like an option), yet most of
 * London is west of Greenwich. Negative numbers after an option are joined to it ("--lon=-0.14").
 */
export function joinNegativeNumbers(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    if (/^--[a-z]/.test(arg) && !arg.includes("=") && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
