import type { Match } from "../match/matcher.js";
import { promisedMinutes } from "../version.js";

/** What `match` prints per match: what a call handler needs, not the whole record. */
export function matchView({ priority, matchedOn }: Match) {
  return {
    id: priority.id,
    version: priority.version,
    title: priority.title,
    ward: { code: priority.ward.code, name: priority.ward.name },
    borough: priority.ward.borough,
    category: priority.category,
    flagged: priority.callHandling.flagged,
    responseTargetMinutes: promisedMinutes(priority.callHandling),
    popupText: priority.popupText,
    matchedOn,
  };
}
