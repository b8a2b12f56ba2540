import { useQuery } from "@tanstack/react-query";
import { ROLE_LABELS } from "@wardpanel/validators";
import { Link, useParams } from "react-router";

import { secondaryButtonClass } from "../components/field";
import { OfficerListEditor } from "../components/officer-list-editor";
import { PublishSeries } from "../components/publish-series";
import { ScheduleMeetingFormView } from "../components/schedule-meeting-form";
import { StaffMeetingTable } from "../components/staff-meeting-table";
import { LoadError, Loading } from "../components/status";
import { TeamContactsForm } from "../components/team-contacts-form";
import { WardActions } from "../components/ward-actions";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import { useTitle } from "../lib/use-viewer";

export function StaffWardPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const minutes = useResponseTargetMinutes();
  const panel = useQuery({ ...trpc.wards.panel.queryOptions({ wardCode }), retry: false });
  const page = useQuery(trpc.wards.page.queryOptions({ wardCode }));
  const may = useWardAccess(wardCode, page.data?.ward.boroughCode);
  const meetings = useQuery({ ...trpc.meetings.forWard.queryOptions({ wardCode }), enabled: panel.isSuccess });
  useTitle(panel.data ? `${panel.data.ward.name} ward panel` : "Ward");

  if (panel.isLoading) return <Loading />;
  if (panel.error?.data?.code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">You do not have a role for this ward</h1>
        <p>
          Ask your Ward Panel admin if you should.{" "}
          <Link to="/staff" className="text-blue-800 underline">
            Back to your wards
          </Link>
        </p>
      </>
    );
  }
  if (panel.error || !panel.data) return <LoadError error={panel.error ?? { message: "No data." }} />;
  const { ward, members } = panel.data;

  return (
    <>
      <p className="text-lg text-slate-700">{ward.boroughName}</p>
      <h1 className="mb-2 text-3xl font-bold">{ward.name}</h1>
      {ward.retiredOn !== null && (
        <p className="mb-2">
          <strong>Former ward:</strong> its boundaries were replaced on <When value={ward.retiredOn} />. Its meetings,
          minutes, priorities and monthly updates stay here; new meetings are arranged in the wards that replaced it.
        </p>
      )}
      <p className="mb-6">
        <Link to={`/wards/${ward.code}`} className="text-blue-800 underline">
          See the public ward page
        </Link>
      </p>

      <nav aria-label="This ward's work" className="mb-6 flex flex-wrap gap-2">
        {may("answerMessages") && (
          <Link to={`/staff/wards/${ward.code}/messages`} className={secondaryButtonClass}>
            Messages to the team
          </Link>
        )}
        {may("manageConcerns") && (
          <Link to={`/staff/wards/${ward.code}/concerns`} className={secondaryButtonClass}>
            Community concerns
          </Link>
        )}
        <Link to={`/staff/wards/${ward.code}/priorities`} className={secondaryButtonClass}>
          Priorities
        </Link>
        {may("seePackDrafts") && (
          <Link to={`/staff/wards/${ward.code}/packs`} className={secondaryButtonClass}>
            Monthly crime updates
          </Link>
        )}
        {may("seeCallResponses") && (
          <Link to={`/staff/wards/${ward.code}/responses`} className={secondaryButtonClass}>
            {minutes}-minute responses
          </Link>
        )}
      </nav>

      <section aria-labelledby="meetings-heading" className="mb-8">
        <h2 id="meetings-heading" className="mb-2 text-2xl font-bold">
          Meetings
        </h2>
        {meetings.data && <StaffMeetingTable wardCode={ward.code} meetings={meetings.data} />}
        {meetings.data && may("arrangeMeetings") && <PublishSeries wardCode={ward.code} meetings={meetings.data} />}
        {may("arrangeMeetings") && ward.retiredOn === null && (
          <details className="mt-4 rounded border-2 border-slate-300 p-3">
            <summary className="min-h-11 cursor-pointer content-center font-semibold">Schedule a meeting</summary>
            <div className="mt-3">
              <ScheduleMeetingFormView wardCode={ward.code} wardName={ward.name} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="mb-8">
        <h2 id="actions-heading" className="mb-2 text-2xl font-bold">
          Actions
        </h2>
        <WardActions wardCode={ward.code} canChange={may("manageActions")} />
      </section>

      <section aria-labelledby="panel-heading" className="mb-8">
        <h2 id="panel-heading" className="mb-2 text-2xl font-bold">
          Panel
        </h2>
        <p className="mb-2">{panel.data.panel?.name ?? "This ward has no panel yet."}</p>
        {members.length === 0 ? (
          <p>Nobody has been given a chair or panel member role for this ward yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Panel members of {ward.name}</caption>
              <thead>
                <tr className="border-b-2 border-slate-800">
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Role
                  </th>
                  <th scope="col" className="py-2">
                    Email
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={`${m.userId}-${m.role}`} className="border-b border-slate-300">
                    <td className="py-2 pr-4">{m.name}</td>
                    <td className="py-2 pr-4">{ROLE_LABELS[m.role]}</td>
                    <td className="py-2">
                      <a href={`mailto:${m.email}`} className="break-all text-blue-800 underline">
                        {m.email}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {may("editTeamContacts") && page.data && (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading" className="mb-2 text-2xl font-bold">
            Team contacts
          </h2>
          <p className="mb-4">
            What the public sees on the ward page about where the team is based and how to reach it.
          </p>
          <TeamContactsForm wardCode={ward.code} contacts={page.data.team.contacts} />
        </section>
      )}

      {may("editTeamContacts") && page.data && (
        <section aria-labelledby="officers-heading" className="mt-8">
          <h2 id="officers-heading" className="mb-2 text-2xl font-bold">
            The team's officers
          </h2>
          <p className="mb-4">The officers the public ward page names, in this order, with how to reach them.</p>
          <OfficerListEditor wardCode={ward.code} officers={page.data.team.officers} />
        </section>
      )}
    </>
  );
}
