import type { RouterOutputs } from "@wardpanel/api";

import { formatMinutes } from "../lib/dates";
import { When } from "./when";

type Agenda = NonNullable<RouterOutputs["publicMeeting"]["view"]["agenda"]>;

const TYPE_WORDS: Record<string, string> = {
  "application/pdf": "PDF document",
  "application/msword": "Word document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
  "application/vnd.ms-excel": "Excel spreadsheet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
  "application/vnd.ms-powerpoint": "PowerPoint presentation",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint presentation",
  "text/csv": "CSV spreadsheet",
  "text/plain": "text file",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
};

/** "PDF document" rather than "application/pdf". */
function fileTypeInWords(contentType: string): string {
  const bare = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return TYPE_WORDS[bare] ?? `${(bare.split("/")[1] ?? "unknown").toUpperCase()} file`;
}

/** "240 KB", "1.3 MB", "512 bytes". */
function fileSizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
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
  return (
    <>
      <p className="mb-4 text-slate-700">
        Version {agenda.version}, published <When value={agenda.publishedAt} />
      </p>
      <ol className="mb-6 grid gap-3">
        {agenda.items.map((item, index) => (
          <li key={item.id} className="border-l-4 border-slate-300 pl-3">
            <h3 className="text-lg font-bold">
              {index + 1}. {item.title}
            </h3>
            <p className="text-slate-700">
              {[item.presenter && `Presented by ${item.presenter}`, formatMinutes(item.minutesAllowed)]
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
                      <span className="break-all">{paper.fileName}</span> ({fileTypeInWords(paper.contentType)},{" "}
                      {fileSizeInWords(paper.size)})
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
          <h3 className="mb-2 text-lg font-bold">Withdrawn papers</h3>
          <ul className="mb-6 list-disc pl-6">
            {agenda.withdrawnPapers.map((paper) => (
              <li key={paper.id}>
                A paper for “{paper.itemTitle}” was withdrawn on <When value={paper.withdrawnAt} />. Reason:{" "}
                {paper.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mb-2 text-lg font-bold">Matters arising: actions carried over</h3>
      {agenda.carriedOverActions.length === 0 ? (
        <p>No actions from earlier meetings are still open.</p>
      ) : (
        <ul className="list-disc pl-6">
          {agenda.carriedOverActions.map((action) => (
            <li key={action.id}>
              {action.description} <span className="whitespace-nowrap">— owner: {action.owner || "not named"},</span>{" "}
              <span className="whitespace-nowrap">
                due <When value={action.dueDate} />
              </span>{" "}
              <span className="text-slate-700">
                (agreed <When value={action.agreedAt} />)
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
