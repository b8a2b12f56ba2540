/** Where a command writes, and what it may read of the environment (passed in by main.ts only). */
export interface CliIo {
  out(text: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}
