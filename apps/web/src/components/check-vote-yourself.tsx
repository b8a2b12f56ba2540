import type { VerifyStep, VerifyStepId } from "@wardpanel/voting";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** A step on screen: the browser's own "download" step, then the voting package's steps. */
type RowId = "download" | Exclude<VerifyStepId, "read">;
/** A finished step, or the one running now. */
type Done = { id: RowId; state: "ok" | "fail"; step?: VerifyStep; bytes?: number };
type Shown = Done | { id: "next" | "download"; state: "running" };

/** Pause between steps so each is painted (and announced) before the next runs, in ms. */
const STEP_PAUSE_MS = 150;
const pause = () => new Promise((resolve) => setTimeout(resolve, STEP_PAUSE_MS));

/**
 * "Check this vote yourself" (issue 15 item 6): downloads the vote's public record
 * (`/votes/{id}/record.json`) and re-runs the verifier in this browser, showing each step of
 * `verifySteps` from @wardpanel/voting with a tick or a cross as it finishes. The voting package is
 * loaded with a dynamic `import()` when the button is pressed, so it is its own chunk and only
 * this button pays for it. `finalHash` and `trackers` are what this page published (the record
 * must match both); `titleOf` names winners.
 */
export function CheckVoteYourself({
  voteId,
  finalHash,
  trackers,
  titleOf,
}: {
  voteId: number;
  finalHash: string;
  trackers: readonly string[];
  titleOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown[]>([]);
  const [outcome, setOutcome] = useState<"running" | "passed" | "failed" | null>(null);
  const running = useRef(false);

  async function check() {
    if (running.current) return;
    running.current = true;
    setOutcome("running");
    let steps: Shown[] = [{ id: "download", state: "running" }];
    const show = (next: Shown[]) => {
      steps = next;
      setShown(next);
    };
    show(steps);
    const verifier = import("@wardpanel/voting");
    try {
      let record: unknown;
      let bytes: number;
      try {
        const response = await fetch(`/votes/${voteId}/record.json`, { cache: "no-store" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const text = await response.text();
        bytes = new TextEncoder().encode(text).length;
        record = JSON.parse(text);
      } catch {
        show([{ id: "download", state: "fail" }]);
        setOutcome("failed");
        return;
      }
      const { verifySteps } = await verifier;
      for (const step of verifySteps(record, { finalHash, trackers })) {
        await pause();
        const done: Shown =
          step.id === "read"
            ? { id: "download", state: step.ok ? "ok" : "fail", step, bytes }
            : {
                id: step.id,
                state: step.ok ? "ok" : "fail",
                step,
              };
        const kept = steps.filter((s) => s.state !== "running");
        show(step.ok ? [...kept, done, { id: "next", state: "running" }] : [...kept, done]);
        if (!step.ok) {
          setOutcome("failed");
          return;
        }
      }
      show(steps.filter((s) => s.state !== "running"));
      setOutcome("passed");
    } finally {
      running.current = false;
    }
  }

  const failed = shown.find((s): s is Done => s.state === "fail");
  return (
    <div className="mb-6">
      <button
        type="button"
        onClick={() => void check()}
        // aria-disabled, not disabled: a disabled button would drop the keyboard focus mid-check.
        aria-disabled={outcome === "running"}
        className="min-h-11 rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 aria-disabled:bg-slate-600"
      >
        {outcome === null ? t("checkVote.button") : t("checkVote.again")}
      </button>
      <p className="mt-2 max-w-prose">{t("checkVote.intro")}</p>
      <div aria-live="polite">
        {shown.length > 0 && (
          <ol aria-label={t("checkVote.stepsLabel")} className="mt-3 grid max-w-prose gap-2">
            {shown.map((s, i) => (
              <StepRow key={`${s.id}-${i}`} shown={s} finalHash={finalHash} titleOf={titleOf} />
            ))}
          </ol>
        )}
        {outcome === "passed" && (
          <p className="mt-3 border-l-8 border-green-800 bg-green-50 p-3 font-semibold">{t("checkVote.passed")}</p>
        )}
        {outcome === "failed" && failed && (
          <p className="mt-3 border-l-8 border-red-800 bg-red-50 p-3 font-semibold text-red-950">
            {t("checkVote.failed", { step: t(`checkVote.name.${failed.id}`) })}
          </p>
        )}
      </div>
    </div>
  );
}

function StepRow({ shown, finalHash, titleOf }: { shown: Shown; finalHash: string; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  if (shown.state === "running")
    return (
      <li className="flex gap-2">
        <span aria-hidden="true">…</span>
        <span>{t("checkVote.running")}</span>
      </li>
    );
  const { id, step } = shown;
  const ok = shown.state === "ok";
  const f = step?.facts ?? {};
  const bytes = shown.bytes ?? 0;
  const text = ok
    ? id === "download"
      ? t("checkVote.ok.download", { size: formatBytes(bytes), entries: f.entries ?? 0 })
      : id === "final-hash"
        ? t("checkVote.ok.final-hash")
        : id === "recount"
          ? t("checkVote.ok.recount", { winners: (f.winners ?? []).map(titleOf).join("; ") || t("checkVote.nobody") })
          : id === "trackers" && f.trackerKind === "cast"
            ? t("checkVote.ok.trackersCast", { trackers: f.trackers?.length ?? 0 })
            : t(`checkVote.ok.${id}`, {
                entries: f.entries,
                of: f.of,
                ballots: f.ballots,
                rounds: f.rounds,
                trackers: f.trackers?.length ?? 0,
              })
    : id === "trackers" && f.trackerKind === "cast"
      ? t("checkVote.fail.trackersCast")
      : t(`checkVote.fail.${id}`, { entries: f.entries, of: f.of });
  return (
    <li className={`flex gap-2 border-l-4 p-2 ${ok ? "border-green-800 bg-green-50" : "border-red-800 bg-red-50"}`}>
      <span aria-hidden="true" className={`font-bold ${ok ? "text-green-800" : "text-red-800"}`}>
        {ok ? "✓" : "✗"}
      </span>
      <div className="min-w-0">
        <p>
          <span className="sr-only">{ok ? t("checkVote.passedStep") : t("checkVote.failedStep")} </span>
          {text}
        </p>
        {id === "final-hash" && (
          <dl className="mt-1 text-sm">
            <dt className="font-semibold">{t("checkVote.inRecord")}</dt>
            <dd>
              <code className="font-mono break-all">{f.recordHash}</code>
            </dd>
            <dt className="font-semibold">{t("checkVote.onPage")}</dt>
            <dd>
              <code className="font-mono break-all">{f.publishedHash ?? finalHash}</code>
            </dd>
          </dl>
        )}
        {!ok && step?.reason && (
          <p className="mt-1">
            {t("checkVote.whatDiffers")} <span lang="en">{step.reason}</span>
          </p>
        )}
        {!ok && !step && <p className="mt-1">{t("checkVote.downloadFailed")}</p>}
      </div>
    </li>
  );
}

/** Bytes as kilobytes to one decimal place (1 kB = 1,000 bytes). */
function formatBytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
