import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { ResponseStatsView } from "../components/response-stats-view";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import { useSiteArea } from "../lib/use-site-area";
import { useTitle } from "../lib/use-viewer";

/** To the managers' daily report, across every ward the viewer may see. */
function MissesLink() {
  return (
    <p className="mb-6">
      <Link to="/staff/responses/misses" className="font-semibold text-blue-800 underline">
        Missed response targets, day by day
      </Link>{" "}
      (with a CSV download)
    </p>
  );
}

const intro = (minutes: number) =>
  `Control rooms report the calls that matched an agreed priority and when a unit arrived. Priorities flagged for the ${minutes}-minute response promise attendance within ${minutes} minutes.`;

/** A ward's response record (against the force's target, CALL_RESPONSE_TARGET_MINUTES), for its sergeant and chair (and admins). */
export function WardResponsesPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const ward = useQuery(trpc.wards.page.queryOptions({ wardCode }));
  const stats = useQuery({ ...trpc.feedAdmin.wardResponses.queryOptions({ wardCode }), retry: false });
  const minutes = useResponseTargetMinutes();
  const name = ward.data?.ward.name ?? wardCode;
  useTitle(`${minutes}-minute responses: ${name}`);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        {minutes}-minute responses: {name}
      </h1>
      <p className="mb-6 max-w-2xl">{intro(minutes)}</p>
      {stats.data && <MissesLink />}
      {stats.error?.data?.code === "FORBIDDEN" ? (
        <p>Only the ward’s sergeant and chair can see its response record.</p>
      ) : null}
      {stats.isLoading && <Loading />}
      {stats.error && stats.error.data?.code !== "FORBIDDEN" && <LoadError error={stats.error} />}
      {stats.data && <ResponseStatsView stats={stats.data} showAreas={false} />}
    </>
  );
}

/** Every ward's record, for admins. */
export function AllResponsesPage() {
  const area = useSiteArea();
  const minutes = useResponseTargetMinutes();
  useTitle(`${minutes}-minute responses`);
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.feedAdmin.allResponses.queryOptions({}), retry: false });
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        {minutes}-minute responses across {area}
      </h1>
      <p className="mb-6 max-w-2xl">{intro(minutes)}</p>
      {stats.data && <MissesLink />}
      {stats.error?.data?.code === "FORBIDDEN" ? <p>Only an admin can see every ward’s record.</p> : null}
      {stats.isLoading && <Loading />}
      {stats.error && stats.error.data?.code !== "FORBIDDEN" && <LoadError error={stats.error} />}
      {stats.data && <ResponseStatsView stats={stats.data} showAreas />}
    </>
  );
}
