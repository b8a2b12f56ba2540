import type { Match } from "../match/matcher.js";

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
    responseTargetMinutes: priority.callHandling.responseTargetMinutes,
    popupText: priority.popupText,
    matchedOn,
  };
}
