import type { LiveEvent, LiveEventBus } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { DomainError, mayInWard, WARD_ROLE_GROUPS, WardCode } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { type EventStream, openEventStream } from "./event-stream";
import { requireViewer, requireWardRole } from "./staff-access";

type LiveEventOptions = {
  liveEvents: LiveEventBus;
  secureCookies: boolean;
  /** Default 15 000 ms; tests pass less. */
  heartbeatMs?: number;
};

/** What a stream sends for one change: enough to know which queries to fetch again, nothing personal. */
const changeData = (e: LiveEvent) => ({
  change: e.change,
  wardCode: e.wardCode,
  meetingId: e.meetingId,
  voteId: e.voteId,
  itemId: e.itemId,
});

/**
 * Server-sent events for live meetings (issue 15; decision 0035). Events are hints to fetch again:
 * each stream begins with a `ready` event (and every reconnect, so the browser catches up by
 * fetching), then one `change` event per committed write, and a heartbeat comment every 15 s.
 *
 * - GET /api/live/wards/:wardCode/meetings/:meetingId/events — changes to that meeting (current
 *   item, timer, attendance and quorum, record, agenda, its votes). Who: as `live.view`, signed in
 *   with seeWard for the ward (admins always); 401 signed out, 403 without the role, 404 no meeting.
 * - GET /api/live/events — the signed-in person's stream: changes to votes in wards where they may
 *   cast a ballot (castVotes), so "Vote open: cast your ballot" appears on whatever page they are on. 401 signed out.
 */
export function registerLiveEventRoutes(
  app: FastifyInstance,
  db: Db,
  { liveEvents, secureCookies, heartbeatMs = 15_000 }: LiveEventOptions,
): void {
  const open = new Set<EventStream>();
  // Open streams never go idle: end them when the server closes, or close() would wait for ever.
  app.addHook("preClose", async () => {
    for (const stream of [...open]) stream.end();
  });

  const stream = (
    request: Parameters<typeof openEventStream>[0],
    reply: Parameters<typeof openEventStream>[1],
    wanted: (e: LiveEvent) => boolean,
  ) => {
    let unsubscribe = () => {};
    const events = openEventStream(request, reply, {
      heartbeatMs,
      retryMs: 2000,
      onEnd: () => {
        unsubscribe();
        open.delete(events);
      },
    });
    open.add(events);
    unsubscribe = liveEvents.subscribe((e) => {
      if (wanted(e)) events.send({ id: e.id, event: "change", data: changeData(e) });
    });
    events.send({ id: liveEvents.lastId(), event: "ready", data: {} });
  };

  app.get<{ Params: { wardCode: string; meetingId: string } }>(
    "/api/live/wards/:wardCode/meetings/:meetingId/events",
    async (request, reply) => {
      const { meetingId: meetingParam } = request.params;
      requireViewer({ db, request, reply, secureCookies });
      const ward = WardCode.safeParse(request.params.wardCode);
      if (!ward.success) throw new DomainError("invalid", "That is not a ward code", "wardCode");
      const wardCode = ward.data;
      if (!/^[1-9]\d{0,15}$/.test(meetingParam))
        throw new DomainError("invalid", "A meeting id is a whole number", "meetingId");
      requireWardRole({ db, request, reply, secureCookies }, wardCode, WARD_ROLE_GROUPS.seeWard);
      const meeting = getMeetingInWard(db, wardCode, Number(meetingParam));
      stream(request, reply, (e) => e.wardCode === wardCode && e.meetingId === meeting.id);
    },
  );

  app.get("/api/live/events", async (request, reply) => {
    const viewer = requireViewer({ db, request, reply, secureCookies });
    stream(request, reply, (e) => e.voteId !== null && mayInWard(viewer.roles, "castVotes", e.wardCode));
  });
}
