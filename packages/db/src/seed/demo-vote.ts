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
