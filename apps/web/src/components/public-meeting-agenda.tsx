import type { RouterOutputs } from "@wardpanel/api";
import { ownerWords, roleWords } from "@wardpanel/i18n";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";

import { formatMinutes } from "../lib/dates";
import { When } from "./when";

type Agenda = NonNullable<RouterOutputs["publicMeeting"]["view"]["agenda"]>;

const TYPE_WORDS = {
  "application/pdf": "pdf",
  "application/msword": "word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.ms-excel": "excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.ms-powerpoint": "powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "powerpoint",
  "text/csv": "csv",
  "text/plain": "text",
  "image/png": "png",
  "image/jpeg": "jpeg",
} as const;

/** "PDF document" rather than "application/pdf", in the page's language. */
function fileTypeInWords(t: TFunction, contentType: string): string {
  const bare = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const known = bare in TYPE_WORDS ? TYPE_WORDS[bare as keyof typeof TYPE_WORDS] : null;
  return known
    ? t(`fileTypes.${known}`)
    : t("fileTypes.other", { type: (bare.split("/")[1] ?? "unknown").toUpperCase() });
}

/** "240 KB", "1.3 MB", "512 bytes". */
function fileSizeInWords(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t("fileTypes.bytes", { count: bytes });
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The latest published agenda: items in order, their papers, papers withdrawn (with why), and the actions carried over. */
export function PublicMeetingAgenda({
  agenda,
  wardCode,
  meetingId,
}: {
  agenda: Agenda;
  wardCode: string;
  meetingId: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-4 text-slate-700">
        <Trans
          i18nKey="agenda.version"
          values={{ version: agenda.version }}
          components={{ day: <When value={agenda.publishedAt} /> }}
        />
      </p>
      <ol className="mb-6 grid gap-3">
        {agenda.items.map((item, index) => (
          <li key={item.id} className="border-l-4 border-slate-300 pl-3">
            <h3 className="text-lg font-bold">
              {index + 1}. {item.title}
            </h3>
            <p className="text-slate-700">
              {[
                item.presenter && t("agenda.presentedBy", { presenter: roleWords(t, item.presenter) }),
                formatMinutes(item.minutesAllowed),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {item.description && <p>{item.description}</p>}
            {item.papers.length > 0 && (
              <ul className="mt-1">
                {item.papers.map((paper) => (
                  <li key={paper.id}>
                    <a
                      href={`/api/wards/${wardCode}/meetings/${meetingId}/papers/${paper.id}`}
                      className="inline-block min-h-11 py-2.5 text-blue-800 underline"
                    >
                      <span className="break-all">{paper.fileName}</span> ({fileTypeInWords(t, paper.contentType)},{" "}
                      {fileSizeInWords(t, paper.size)})
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {agenda.withdrawnPapers.length > 0 && (
        <>
          <h3 className="mb-2 text-lg font-bold">{t("agenda.withdrawnHeading")}</h3>
          <ul className="mb-6 list-disc pl-6">
            {agenda.withdrawnPapers.map((paper) => (
              <li key={paper.id}>
                <Trans
                  i18nKey="agenda.withdrawn"
                  values={{ item: paper.itemTitle, reason: paper.reason }}
                  components={{ day: <When value={paper.withdrawnAt} /> }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mb-2 text-lg font-bold">{t("agenda.carriedOverHeading")}</h3>
      {agenda.carriedOverActions.length === 0 ? (
        <p>{t("agenda.noneCarriedOver")}</p>
      ) : (
        <ul className="list-disc pl-6">
          {agenda.carriedOverActions.map((action) => (
            <li key={action.id}>
              {action.description}{" "}
              <span className="whitespace-nowrap">
                {t("minutes.owner", { owner: action.owner ? ownerWords(t, action.owner) : t("minutes.notNamed") })}
              </span>{" "}
              <span className="whitespace-nowrap">
                <Trans i18nKey="minutes.due" components={{ day: <When value={action.dueDate} /> }} />
              </span>{" "}
              <span className="text-slate-700">
                <Trans i18nKey="agenda.agreed" components={{ day: <When value={action.agreedAt} /> }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
