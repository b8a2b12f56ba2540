import { useQuery } from "@tanstack/react-query";
import { policeForceName } from "@wardpanel/validators";
import { Link } from "react-router";

import { AdminWardList } from "../components/admin-ward-list";
import { MyMessages } from "../components/my-messages";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useTitle, useViewer } from "../lib/use-viewer";

export function DashboardPage() {
  useTitle("Your wards");
  const trpc = useTRPC();
  const { viewer } = useViewer();
  const mine = useQuery(trpc.me.wards.queryOptions());
  const access = useAccess();
  const responseWards = access.wardsWhereMay("seeCallResponses");
  const isBoroughAdmin = !access.isAdmin && access.adminBoroughs.length > 0;
  /** The morning check of missed targets is the sergeant's routine (admins oversee it); chairs read the record on their ward's page. */
  const checksMissesEachMorning =
    responseWards === null || (viewer?.roles.some((r) => r.role === "sergeant" && r.wardCode !== null) ?? false);
  const analystFor =
    viewer?.roles.flatMap((r) => (r.role === "analyst" && r.force ? [policeForceName(r.force)] : [])) ?? [];

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your wards</h1>
      {viewer && <p className="mb-6">Signed in as {viewer.name}.</p>}
      <MyMessages />
      {mine.isLoading && <Loading />}
      {mine.error && <LoadError error={mine.error} />}
      {mine.data?.isAdmin && (
        <p className="mb-4">
          You are an admin: you can act on every ward.{" "}
          <Link to="/staff/people" className="text-blue-800 underline">
            People and roles
          </Link>
        </p>
      )}
      {isBoroughAdmin && (
        <p className="mb-4">
          You are a borough admin: you can give roles for your borough&apos;s wards and keep their team contacts.{" "}
          <Link to="/staff/people" className="text-blue-800 underline">
            People and roles
          </Link>
        </p>
      )}
      {analystFor.length > 0 && (
        <p className="mb-4">
          You import crime data for the {analystFor.join(" and the ")}.{" "}
          <Link to="/staff/crime-data" className="text-blue-800 underline">
            Crime data
          </Link>
        </p>
      )}
      {viewer && checksMissesEachMorning && (
        <p className="mb-4">
          Each morning, check the calls a unit reached late or not at all:{" "}
          <Link to="/staff/responses/misses" className="text-blue-800 underline">
            Missed response targets
          </Link>
        </p>
      )}
      {mine.data &&
        mine.data.wards.length === 0 &&
        !mine.data.isAdmin &&
        !isBoroughAdmin &&
        analystFor.length === 0 && (
          <p>You do not hold a role for any ward yet. Ask your Ward Panel admin to give you one.</p>
        )}
      {mine.data?.isAdmin && <AdminWardList />}
      {isBoroughAdmin && <AdminWardList heading={"Your borough's wards"} />}
      <ul className="grid gap-4 sm:grid-cols-2">
        {mine.data?.wards.map((ward) => (
          <li key={ward.code} className="rounded border-2 border-slate-300 p-4">
            <h2 className="text-xl font-bold">
              <Link to={`/staff/wards/${ward.code}`} className="text-blue-800 underline">
                {ward.name}
              </Link>
            </h2>
            <p className="text-slate-700">{ward.boroughName}</p>
            <p>Your roles: {ward.roles.join(", ")}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
