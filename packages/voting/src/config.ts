import { hasOnlyKeys, isRecord, isString, isWholeNumber } from "./guards.js";
import type { Validation } from "./types.js";

const TIE_BREAKS = ["random-seeded", "earliest-raised", "chair-casting"];

/** Checks a config fixed before the vote opens; also used by the verifier on untrusted files. */
export function validateConfig(config: unknown): Validation {
  const fail = (message: string): Validation => ({ ok: false, message });
  if (!isRecord(config)) return fail("The vote settings are missing.");
  const { method, seats, ballotSecrecy, tieBreak, candidates } = config;
  if (!hasOnlyKeys(config, ["method", "seats", "ballotSecrecy", "tieBreak", "candidates"])) {
    return fail("The vote settings contain an unknown field.");
  }
  if (!isRecord(method)) return fail("The voting method is missing.");
  switch (method.kind) {
    case "approval":
    case "ranked":
      if (!hasOnlyKeys(method, ["kind"])) return fail("The voting method has an unknown field.");
      break;
    case "score":
      if (!hasOnlyKeys(method, ["kind", "maxScore"]) || !isWholeNumber(method.maxScore) || method.maxScore < 1) {
        return fail("A score vote needs a maximum score of at least 1.");
      }
      break;
    case "dots":
      if (
        !hasOnlyKeys(method, ["kind", "dotsPerVoter"]) ||
        !isWholeNumber(method.dotsPerVoter) ||
        method.dotsPerVoter < 1
      ) {
        return fail("A dot vote needs at least 1 dot per voter.");
      }
      break;
    default:
      return fail("The voting method must be approval, score, dots or ranked.");
  }
  if (!isWholeNumber(seats) || seats < 1) return fail("Choose at least 1 priority.");
  if (ballotSecrecy !== "open" && ballotSecrecy !== "secret") return fail("The ballot must be open or secret.");
  if (!isString(tieBreak) || !TIE_BREAKS.includes(tieBreak)) {
    return fail("The tie-break rule must be random-seeded, earliest-raised or chair-casting.");
  }
  if (!Array.isArray(candidates) || candidates.length === 0) return fail("The shortlist is empty.");
  const ids = new Set<string>();
  for (const c of candidates) {
    if (
      !isRecord(c) ||
      !hasOnlyKeys(c, ["id", "title"]) ||
      !isString(c.id) ||
      c.id === "" ||
      !isString(c.title) ||
      c.title.trim() === ""
    ) {
      return fail("Each option on the shortlist needs an id and a title.");
    }
    if (ids.has(c.id)) return fail(`The option id "${c.id}" appears twice on the shortlist.`);
    ids.add(c.id);
  }
  return { ok: true };
}
