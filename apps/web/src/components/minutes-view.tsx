import { ownerWords, roleWords } from "@wardpanel/i18n";
import type { ElementType } from "react";
import { Trans, useTranslation } from "react-i18next";

import { categoryWords } from "../lib/category-words";
import type { MinutesContent } from "./minutes-format";
import { MinutesVotes } from "./minutes-votes";
import { When } from "./when";

type Level = 2 | 3 | 4;
const headingTags: Record<Level | 5, ElementType> = { 2: "h2", 3: "h3", 4: "h4", 5: "h5" };

/**
 * The minutes as the public and the panel read them: who attended and whether the meeting was
 * quorate, then each agenda item's notes, decisions and actions, the votes held, then the concerns raised.
 * `level` is the heading level of its sections, so it fits under whatever heading it sits.
 */
export function MinutesView({
  content,
  wardCode,
  level = 3,
}: {
  content: MinutesContent;
  /** The ward the meeting belongs to: the votes link to its result pages and priorities. */
  wardCode: string;
  level?: Level;
}) {
  const { t } = useTranslation();
  const H = headingTags[level];
  const HItem = headingTags[(level + 1) as Level | 5];
  const { attendance } = content;
  return (
    <div className="minutes print:text-black">
      <section className="mb-6">
        <H className="mb-2 text-xl font-bold">{t("minutes.attendance")}</H>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <AttendanceRow label={t("minutes.present")} names={attendance.present} />
          <AttendanceRow label={t("minutes.apologies")} names={attendance.apologies} />
          <AttendanceRow label={t("minutes.absent")} names={attendance.absent} />
          <AttendanceRow label={t("minutes.police")} names={attendance.police} />
          <AttendanceRow label={t("minutes.partners")} names={attendance.partners} />
          <dt className="font-semibold">{t("minutes.public")}</dt>
          <dd className="mb-1 sm:mb-0">{attendance.publicCount}</dd>
          {attendance.quorum && (
            <>
              <dt className="font-semibold">{t("minutes.quorum")}</dt>
              <dd className="mb-1 sm:mb-0">
                <QuorumLine attendance={attendance} />
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="mb-6">
        <H className="mb-2 text-xl font-bold">{t("minutes.items")}</H>
        {content.items.length === 0 ? (
          <p>{t("minutes.noItems")}</p>
        ) : (
          <ol className="grid gap-4">
            {content.items.map((item, index) => (
              <li key={index} className="border-l-4 border-slate-300 pl-3 print:break-inside-avoid">
                <HItem className="text-lg font-bold">
                  {index + 1}. {item.title}
                </HItem>
                {item.presenter && (
                  <p className="text-slate-700 print:text-black">
                    {t("agenda.presentedBy", { presenter: roleWords(t, item.presenter) })}
                  </p>
                )}
                {item.notes.trim() ? (
                  <p className="mt-1 whitespace-pre-line break-words">{item.notes}</p>
                ) : (
                  <p className="mt-1 text-slate-700 italic print:text-black">{t("minutes.noNotes")}</p>
                )}
                {item.decisions.length > 0 && (
                  <div className="mt-2">
                    <p className="font-semibold">{t("minutes.decisions", { count: item.decisions.length })}</p>
                    <ul className="list-disc pl-6">
                      {item.decisions.map((decision, i) => (
                        <li key={i}>{decision}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {item.actions.length > 0 && (
                  <div className="mt-2">
                    <p className="font-semibold">{t("minutes.actions", { count: item.actions.length })}</p>
                    <ul className="list-disc pl-6">
                      {item.actions.map((action, i) => (
                        <li key={i}>
                          {action.description}{" "}
                          <span className="whitespace-nowrap">
                            {t("minutes.owner", {
                              owner: action.owner ? ownerWords(t, action.owner) : t("minutes.notNamed"),
                            })}
                          </span>{" "}
                          <span className="whitespace-nowrap">
                            <Trans i18nKey="minutes.due" components={{ day: <When value={action.dueDate} /> }} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <MinutesVotes votes={content.votes ?? []} wardCode={wardCode} H={H} HVote={HItem} />

      <section>
        <H className="mb-2 text-xl font-bold">{t("minutes.concerns")}</H>
        {content.concerns.length === 0 ? (
          <p>{t("minutes.noConcerns")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {content.concerns.map((concern, i) => (
              <li key={i}>
                {concern.description}
                {(concern.location || concern.category) && (
                  <span className="text-slate-700 print:text-black">
                    {" "}
                    ({[categoryWords(t, concern.category), concern.location].filter(Boolean).join(", ")})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function AttendanceRow({ label, names }: { label: string; names: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="mb-1 sm:mb-0">
        {names.length > 0 ? names.map((name) => roleWords(t, name)).join(", ") : t("minutes.noneRecorded")}
      </dd>
    </>
  );
}

/**
 * Whether the meeting was quorate, worded in the reader's language from the figures kept with the
 * minutes. Minutes published before the figures were kept have only the English line: it is shown
 * as it was, marked as English so it is read as English.
 */
function QuorumLine({ attendance }: { attendance: MinutesContent["attendance"] }) {
  const { t } = useTranslation();
  const figures = attendance.quorumFigures;
  if (!figures) return <span lang="en">{attendance.quorum}</span>;
  const needs =
    figures.ruleKind === "fixed"
      ? t("minutesQuorum.fixedRule", { needed: figures.needed })
      : t("minutesQuorum.halfRule", { members: figures.votingMembers, needed: figures.needed });
  return t("minutesQuorum.line", {
    state: figures.isQuorate ? t("minutesQuorum.quorate") : t("minutesQuorum.notQuorate"),
    present: t("minutesQuorum.present", { count: figures.present }),
    needs,
  });
}
