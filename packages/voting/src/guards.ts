// Tiny hand-written type guards: zod is not a dependency of this pure package.

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const isString = (v: unknown): v is string => typeof v === "string";

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

export const isWholeNumber = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

export const hasOnlyKeys = (v: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(v).every((k) => keys.includes(k));

export const isHash = (v: unknown): v is string => isString(v) && /^[0-9a-f]{64}$/.test(v);
