import { londonParts } from "@wardpanel/meetings/london-time";

import type { Db } from "../client";
import { addProgress, publishPriority, setCallHandling, updatePriority } from "../queries/priorities";
import { buildPriorityFields } from "../testing/factories";
import { seedPublishedVote } from "../testing/vote-factory";
import { BELSIZE_PLACES, squareAround } from "./demo-places";

/**
 * The vote a newcomer can inspect and verify: four shortlisted concerns, an approval vote for
 * two priorities, the result published, and both winners made specific and published (one
 * flagged for the 60-minute response), with a first month of "You said – We did".
 */
export function seedDemoVote(db: Db, wardCode: string, meetingId: number, at: Date): void {
  const { priorityIds } = seedPublishedVote(db, {
    wardCode,
    meetingId,
    concerns: [
      "Drug dealing by the children's play area in the evenings",
      "Motorbikes ridden on the pavement late at night",
      "Bike theft from stands outside the station",
      "Speeding on the main road past the primary school",
    ],
    approvals: [[0, 1], [0], [0, 3], [1, 3], [0, 1], [1], [0, 2]],
    seats: 2,
    now: at,
  });
  const start = londonParts(at).date;
  const review = londonParts(new Date(at.getTime() + 91 * 86_400_000)).date;
  const [first, second] = priorityIds;
  if (first !== undefined) {
    updatePriority(db, {
      wardCode,
      priorityId: first,
      fields: buildPriorityFields({
        title: "Drug dealing by the play area",
        area: squareAround(BELSIZE_PLACES.playArea),
        streets: ["Belsize Lane"],
        postcodes: ["NW3 5AS"],
        placeName: BELSIZE_PLACES.playArea.name,
        startDate: start,
        reviewDate: review,
      }),
      now: at,
    });
    setCallHandling(db, { wardCode, priorityId: first, isFlagged: true, now: at });
    publishPriority(db, { wardCode, priorityId: first, now: at });
    addProgress(db, {
      wardCode,
      priorityId: first,
      month: start.slice(0, 7),
      policeAction: "Eighteen evening patrols; two people arrested for possession with intent to supply.",
      partnerAction: "The council trimmed the hedges and fixed two lights.",
      whatChanged: "Reports of dealing fell from nine to four.",
      createdBy: null,
    });
  }
  if (second !== undefined) {
    updatePriority(db, {
      wardCode,
      priorityId: second,
      fields: buildPriorityFields({
        title: "Motorbikes on the pavement at night",
        problem: "Motorbikes are ridden fast along the pavement late at night, frightening people walking home.",
        category: "anti-social-behaviour",
        area: squareAround(BELSIZE_PLACES.pavements),
        streets: ["Belsize Park Gardens", "Belsize Avenue"],
        postcodes: [],
        placeName: "",
        wantedAction:
          "Targeted evening patrols and seizure of bikes used anti-socially (Police Reform Act section 59).",
        successMeasure: "No reports for a month before the review date.",
        startDate: start,
        reviewDate: review,
      }),
      now: at,
    });
    publishPriority(db, { wardCode, priorityId: second, now: at });
  }
}

/**
 * The ranked vote a newcomer can follow round by round, download as BLT and check in the browser:
 * 20 members rank five concerns to choose three priorities, counted by STV (quota 6). The first
 * choice's surplus transfers, the least-supported concerns are excluded and their votes move on.
 * Its winners stay draft priorities (the panel made the later approval vote's winners specific).
 */
export function seedDemoRankedVote(db: Db, wardCode: string, meetingId: number, at: Date): number {
  return seedPublishedVote(db, {
    wardCode,
    meetingId,
    concerns: DEMO_RANKED_CONCERNS,
    rankings: DEMO_RANKINGS,
    seats: 3,
    now: at,
  }).voteId;
}

export const DEMO_RANKED_CONCERNS = [
  "Phone snatches outside Belsize Park station",
  "Speeding on Belsize Avenue past the school",
  "Break-ins to sheds and bike stores in back gardens",
  "Graffiti in the Antrim Road underpass",
  "Noisy gatherings on Haverstock Hill late at night",
];

/** Each member's ranking of DEMO_RANKED_CONCERNS by index, first choice first: 8, 5, 4, 1 and 2 first choices. */
const DEMO_RANKINGS = [
  [0, 1, 2],
  [0, 1],
  [0, 2, 1],
  [0, 1, 4],
  [0, 2],
  [0, 1, 2],
  [0, 4, 1],
  [0],
  [1, 0],
  [1, 2],
  [1, 4, 2],
  [1],
  [1, 2, 0],
  [2, 1],
  [2, 4],
  [2],
  [2, 1, 0],
  [3, 2],
  [4, 2, 1],
  [4, 1],
];
