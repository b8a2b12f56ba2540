import type { Db } from "@wardpanel/db/client";
import { listProgress, listWardPriorities } from "@wardpanel/db/queries/priorities";
import { DomainError, WardCode } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (...parts: string[]) =>
  parts
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("\n");
/** police.uk writes dates as local midnight without a zone: "2018-09-20T00:00:00". */
const policeUkDate = (date: string | null) => (date ? `${date.slice(0, 10)}T00:00:00` : null);

/**
 * The ward's priorities in the data.police.uk neighbourhood priorities shape
 * (https://data.police.uk/docs/method/neighbourhood-priorities/): `issue`, `issue-date`,
 * `action`, `action-date`, with HTML paragraphs as police.uk sends them, so existing consumers
 * of that API can read ours. Published priorities only, current and past.
 */
export function registerPoliceUkPriorities(app: FastifyInstance, db: Db, forceId: string): void {
  app.get<{ Params: { force: string; wardCode: string } }>(
    "/api/:force/:wardCode/priorities",
    async (request, reply) => {
      const ward = WardCode.safeParse(request.params.wardCode);
      if (request.params.force !== forceId)
        throw new DomainError("not_found", `This site holds priorities for the force "${forceId}" only`, "force");
      if (!ward.success)
        throw new DomainError("not_found", "There is no such ward: a ward code looks like E05000138", "wardCode");
      const published = listWardPriorities(db, ward.data).filter((p) => p.status !== "draft");
      const progress = listProgress(
        db,
        published.map((p) => p.id),
      );
      return reply.header("cache-control", "public, max-age=300").send(
        published.map((p) => {
          const latest = progress.find((e) => e.priorityId === p.id);
          const ended =
            p.status !== "active"
              ? `${p.status.charAt(0).toUpperCase()}${p.status.slice(1)} on ${p.statusDate}: ${p.statusReason}`
              : "";
          const action = [ended, latest ? `${latest.policeAction} ${latest.partnerAction}`.trim() : ""].filter(Boolean);
          return {
            issue: paragraphs(`${p.title}.`, p.problem),
            "issue-date": policeUkDate(p.startDate ?? p.publishedAt?.toISOString() ?? null),
            action: action.length > 0 ? paragraphs(...action) : null,
            "action-date": policeUkDate(
              p.statusDate && p.status !== "active" ? p.statusDate : latest ? `${latest.month}-01` : null,
            ),
          };
        }),
      );
    },
  );
}
