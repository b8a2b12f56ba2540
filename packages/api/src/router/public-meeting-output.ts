import { MEETING_KINDS } from "@wardpanel/validators";
import { z } from "zod";

import { MeetingView } from "./meeting-view";

const Paper = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number() });
/** A paper taken down after publishing: where it was, when and why, not its name (which may be the problem). */
const WithdrawnPaper = z.object({ id: z.number(), itemTitle: z.string(), withdrawnAt: z.string(), reason: z.string() });

const PublishedAgendaView = z.object({
  version: z.number(),
  publishedAt: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      description: z.string(),
      presenter: z.string(),
      minutesAllowed: z.number(),
      papers: z.array(Paper),
    }),
  ),
  carriedOverActions: z.array(
    z.object({ id: z.number(), description: z.string(), owner: z.string(), dueDate: z.string(), agreedAt: z.string() }),
  ),
  // Agendas published before reviews were listed have none.
  reviewsDue: z.array(z.object({ id: z.number(), title: z.string(), reviewDate: z.string().nullable() })).default([]),
  /** From any published version of the agenda. */
  withdrawnPapers: z.array(WithdrawnPaper),
});

/** A vote as the minutes record it: figures only, worded by the page; the result once it is published. */
const MinutesVoteView = z.object({
  voteId: z.number(),
  status: z.enum(["open", "closed", "published"]),
  method: z.enum(["approval", "score", "dots", "ranked"]),
  seats: z.number(),
  secrecy: z.enum(["open", "secret"]),
  electorate: z.number(),
  ballotsCast: z.number(),
  result: z
    .object({
      validBallots: z.number(),
      rejectedBallots: z.number(),
      handsCounted: z.number(),
      quota: z.number().nullable(),
      rounds: z.number(),
      winners: z.array(z.object({ title: z.string(), round: z.number().nullable() })),
      counts: z.array(z.object({ title: z.string(), count: z.number() })),
    })
    .nullable(),
  finalHash: z.string().nullable(),
  priorities: z.array(z.object({ id: z.number(), title: z.string(), isPublic: z.boolean() })),
});

const MinutesContentView = z.object({
  meeting: z.object({ title: z.string(), when: z.string(), venue: z.string() }),
  attendance: z.object({
    present: z.array(z.string()),
    apologies: z.array(z.string()),
    absent: z.array(z.string()),
    police: z.array(z.string()),
    partners: z.array(z.string()),
    publicCount: z.number(),
    quorum: z.string(),
    /** The figures behind `quorum`, for the page to word in the reader's language; absent in older minutes. */
    quorumFigures: z
      .object({
        votingMembers: z.number(),
        present: z.number(),
        needed: z.number(),
        isQuorate: z.boolean(),
        ruleKind: z.enum(["more_than_half", "fixed"]),
      })
      .optional(),
  }),
  items: z.array(
    z.object({
      title: z.string(),
      presenter: z.string(),
      notes: z.string(),
      decisions: z.array(z.string()),
      actions: z.array(z.object({ description: z.string(), owner: z.string(), dueDate: z.string() })),
    }),
  ),
  concerns: z.array(z.object({ description: z.string(), location: z.string(), category: z.string() })),
  /** Each vote held at the meeting (db queries/minutes-votes.ts); absent from minutes drafted before votes were carried. */
  votes: z.array(MinutesVoteView).optional(),
});

export const PublicMeetingPage = z.object({
  ward: z.object({ code: z.string(), name: z.string(), nameWelsh: z.string().nullable(), boroughName: z.string() }),
  meeting: MeetingView,
  agenda: PublishedAgendaView.nullable(),
  /** Newest first: the first is current, the rest are earlier versions a correction replaced. */
  minutes: z.array(
    z.object({ version: z.number(), publishedAt: z.string(), correctionNote: z.string(), content: MinutesContentView }),
  ),
});

/** A page of the ward's held meetings, newest first, and whether older ones follow. */
export const PastMeetingsPage = z.object({
  meetings: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      /** For the web app to name in the reader's language; kindLabel and when are the English. */
      kind: z.enum(MEETING_KINDS),
      kindLabel: z.string(),
      date: z.string(),
      when: z.string(),
      hasAgenda: z.boolean(),
      /** When the current minutes were published; null while they are still to come. */
      minutesPublishedAt: z.string().nullable(),
    }),
  ),
  page: z.number(),
  perPage: z.number(),
  total: z.number(),
  hasOlder: z.boolean(),
});
