import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting
 * (m = 19 MiB, t = 2, p = 1). @node-rs/argon2 defaults to Argon2id; we state the numbers so a
 * library upgrade cannot weaken them silently.
 */
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Unicode normalisation form NFKC, applied before hashing and before verifying (NIST SP 800-63B
 * §5.1.1.2), so "é" typed as one character or as "e" + accent, or letters typed full-width on a
 * phone keyboard, are the same password.
 */
export function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

/** The PHC-format Argon2id hash of the NFKC form of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2ID);
}

/**
 * Whether `password`, NFKC-normalised, matches the stored hash. A hash stored before passwords
 * were normalised may hold the password exactly as typed, so that is tried second, and only when
 * normalising changed something. A malformed stored hash is a failed check, never a crash.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalised = normalisePassword(password);
  if (await verifyExactly(passwordHash, normalised)) return true;
  return normalised !== password && verifyExactly(passwordHash, password);
}

async function verifyExactly(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, checked against when the email is unknown so that a wrong email
 * takes as long as a wrong password (no account enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}
