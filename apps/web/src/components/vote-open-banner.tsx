import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

import { useTRPC } from "../lib/trpc";
import { useLiveEvents } from "../lib/use-live-events";

/**
 * "Vote open: cast your ballot" on every page, for a signed-in member entitled to vote in an open
 * vote who has not voted yet (votes.openForMe). The server pushes vote changes in their wards
 * (GET /api/live/events), so it appears within moments of the chair opening the vote and goes once
 * they have voted or the vote closes. Not shown on that vote's own ballot page.
 */
export function VoteOpenBanner({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const open = useQuery({ ...trpc.votes.openForMe.queryOptions(), enabled: signedIn });
  const refresh = useCallback(() => void queryClient.invalidateQueries(trpc.votes.pathFilter()), [queryClient, trpc]);
  const state = useLiveEvents(signedIn ? "/api/live/events" : null, refresh);
  if (!signedIn) return null;
  const shown = (open.data ?? []).filter((v) => pathname !== `/staff/wards/${v.wardCode}/votes/${v.voteId}`);
  return (
    <div role="status" aria-live="polite" data-live-state={state} className="print:hidden">
      {shown.map((vote) => (
        <p key={vote.voteId} className="border-b-4 border-yellow-500 bg-yellow-100 px-4 py-2 text-center">
          <Link
            to={`/staff/wards/${vote.wardCode}/votes/${vote.voteId}`}
            className="inline-flex min-h-11 items-center text-lg font-bold text-slate-950 underline underline-offset-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-800"
          >
            {t("layout.voteOpen")}
          </Link>
        </p>
      ))}
    </div>
  );
}
