import { useEffect } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useViewer } from "../lib/use-viewer";
import { BallotTracker } from "./ballot-tracker";

/**
 * Where this device keeps the tracker of the ballot cast in a vote (localStorage, one key per vote id
 * and voter, so a tablet passed between members never shows one member's tracker as another's).
 */
export const keptTrackerKey = (voteId: number, userId: number) => `wardpanel.ballot-tracker.${voteId}.${userId}`;

/** localStorage may be switched off or full: then the tracker is simply not kept (and never a crash). */
function readKept(voteId: number, userId: number): string | null {
  try {
    return localStorage.getItem(keptTrackerKey(voteId, userId));
  } catch {
    return null;
  }
}

function keep(voteId: number, userId: number, tracker: string): void {
  try {
    localStorage.setItem(keptTrackerKey(voteId, userId), tracker);
  } catch {
    // Not kept: the voter was shown it to copy or print when they cast.
  }
}

/**
 * The voter's ballot tracker after they have voted. The server keeps no link between a voter and
 * their tracker (secret ballots), so this device keeps it when it casts the ballot (`justCast`, the
 * tracker the cast returned; shown by the ballot page itself then). After a reload it shows the kept
 * tracker again, "kept on this device only"; on another device it says plainly that it is not here
 * and points to the result page, which lists every tracker once the chair publishes the result.
 */
export function KeptBallotTracker({
  wardCode,
  voteId,
  justCast,
}: {
  wardCode: string;
  voteId: number;
  justCast: string | null;
}) {
  const { t } = useTranslation();
  const userId = useViewer().viewer?.id;
  useEffect(() => {
    if (justCast && userId !== undefined) keep(voteId, userId, justCast);
  }, [voteId, userId, justCast]);
  if (justCast || userId === undefined) return null;
  const kept = readKept(voteId, userId);
  const resultLink = <Link to={`/wards/${wardCode}/votes/${voteId}`} className="text-blue-800 underline" />;
  return kept ? (
    <>
      <BallotTracker tracker={kept} label={t("keptTracker.label")} t={t} />
      <p className="max-w-prose">
        <Trans i18nKey="keptTracker.kept" components={{ anchor: resultLink }} />
      </p>
    </>
  ) : (
    <p className="max-w-prose">
      <Trans i18nKey="keptTracker.notKept" components={{ anchor: resultLink }} />
    </p>
  );
}
