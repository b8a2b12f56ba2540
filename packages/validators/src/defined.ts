/**
 * Returns `value` when it is neither `undefined` nor `null`, and throws otherwise. Product code
 * uses it where TypeScript cannot see what the code knows (a row just inserted, a regex group
 * that matched, a key read from a map built from the same list) instead of `!`, which would let
 * a wrong belief travel on as `undefined` and fail somewhere far away.
 *
 * @param what what the value is, in words, for the message: "the inserted meeting".
 * @throws Error "Expected <what>, but it is missing" — a bug, answered as a 500, never user input.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, but it is missing`);
  return value;
}
