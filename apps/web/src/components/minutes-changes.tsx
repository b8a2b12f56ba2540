import type { RouterOutputs } from "@wardpanel/api";
import { defined } from "@wardpanel/validators";
import { Trans, useTranslation } from "react-i18next";

import type { MinutesContent } from "./minutes-format";
import { When } from "./when";

type Version = RouterOutputs["publicMeeting"]["view"]["minutes"][number];

/**
 * Earlier published versions, newest first, each with what the correction that replaced it
 * changed: the items whose notes differ, old beside new.
 */
export function MinutesEarlierVersions({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  if (versions.length < 2) return null;
  const pairs = versions.slice(1).map((older, i) => ({ older, newer: defined(versions[i], "the newer version") }));
  return (
    <section aria-labelledby="earlier-versions-heading" className="mt-8 print:hidden">
      <h3 id="earlier-versions-heading" className="mb-2 text-xl font-bold">
        {t("minutes.earlierHeading")}
      </h3>
      <p className="mb-3">{t("minutes.earlierIntro")}</p>
      <div className="grid gap-3">
        {pairs.map(({ older, newer }) => (
          <details key={older.version} className="rounded border-2 border-slate-300 p-3">
            <summary className="min-h-11 cursor-pointer content-center font-semibold text-blue-800 underline">
              <Trans
                i18nKey="minutes.whatChanged"
                values={{ older: older.version, newer: newer.version }}
                components={{ day: <When value={older.publishedAt} /> }}
              />
            </summary>
            <div className="mt-2">
              <p className="mb-2">
                <Trans i18nKey="minutes.correctedOn" components={{ day: <When value={newer.publishedAt} /> }} />{" "}
                {newer.correctionNote || t("minutes.noNote")}
              </p>
              <ChangedItems older={older.content} newer={newer.content} />
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

function ChangedItems({ older, newer }: { older: MinutesContent; newer: MinutesContent }) {
  const { t } = useTranslation();
  const count = Math.max(older.items.length, newer.items.length);
  const changed = Array.from({ length: count }, (_, i) => ({
    index: i,
    before: older.items[i],
    after: newer.items[i],
  })).filter(({ before, after }) => (before?.notes ?? "") !== (after?.notes ?? "") || before?.title !== after?.title);
  if (changed.length === 0) return <p>{t("minutes.noneChanged")}</p>;
  return (
    <ul className="grid gap-3">
      {changed.map(({ index, before, after }) => (
        <li key={index}>
          <p className="font-semibold">
            {t("minutes.item", { number: index + 1, title: after?.title ?? before?.title ?? "" })}
          </p>
          <div className="grid gap-2 md:grid-cols-2">
            <div className="border-l-4 border-slate-400 bg-slate-50 p-2">
              <p className="font-semibold">{t("minutes.before")}</p>
              <p className="whitespace-pre-line break-words">
                {before?.notes.trim() ? before.notes : t("minutes.noNotesShort")}
              </p>
            </div>
            <div className="border-l-4 border-blue-800 bg-blue-50 p-2">
              <p className="font-semibold">{t("minutes.after")}</p>
              <p className="whitespace-pre-line break-words">
                {after?.notes.trim() ? after.notes : t("minutes.noNotesShort")}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
