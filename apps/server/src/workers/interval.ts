import { z } from "zod";

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** Node's timers hold at most 2^31-1 ms (24.8 days); two weeks is well inside. */
const LONGEST_MS = 14 * UNIT_MS.d;

/** A schedule interval written as minutes, hours or days (`30m`, `24h`, `7d`), read as milliseconds: 1 minute to 14 days. */
export const IntervalSetting = z
  .string()
  .trim()
  .regex(/^\d+[mhd]$/, "a whole number of minutes, hours or days, like 30m, 24h or 7d")
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms >= UNIT_MS.m, "at least 1m")
  .refine((ms) => ms <= LONGEST_MS, "at most 14d");
