import { AGENDA_TEMPLATE } from "@wardpanel/meetings/agenda-template";

import type { Db } from "../client";
import { agendaItems } from "../schema";

/**
 * Gives a new meeting the template agenda (see @wardpanel/meetings/agenda-template). Its own module
 * because creating a meeting needs it, and the agenda queries need meetings: one module would make
 * an import cycle.
 */
export function insertTemplateAgenda(tx: Pick<Db, "insert">, meetingId: number, now: Date): void {
  tx.insert(agendaItems)
    .values(AGENDA_TEMPLATE.map((item, position) => ({ ...item, meetingId, position, updatedAt: now })))
    .run();
}
