import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { ConcernForm } from "../components/concern-form";
import { CurrentPriorities } from "../components/current-priorities";
import { FormerWardNotice } from "../components/former-ward-notice";
import { LatestCrimeUpdate } from "../components/latest-crime-update";
import { MeetingList } from "../components/meeting-list";
import { MessageYourTeam } from "../components/message-your-team";
import { PastMeetings } from "../components/past-meetings";
import { LoadError, Loading } from "../components/status";
import { WardMap } from "../components/ward-map";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Public ward page: the team and how to reach it (Pledge point 2), the panel, meetings. */
export function WardPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  useTitle(page.data ? `${page.data.ward.name} ward` : "Ward");

  if (page.isLoading) return <Loading />;
  if (page.error?.data?.code === "NOT_FOUND" || page.error?.data?.code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Ward not found</h1>
        <p>
          There is no ward with the code {wardCode}.{" "}
          <Link to="/" className="text-blue-800 underline">
            Find your ward
          </Link>{" "}
          by name instead.
        </p>
      </>
    );
  }
  if (page.error || !page.data) return <LoadError error={page.error ?? { message: "No data." }} />;
  const { ward, team, panel, former } = page.data;

  return (
    <>
      <p className="text-lg text-slate-700">{ward.boroughName}</p>
      <h1 className="mb-6 text-3xl font-bold">
        {ward.name} ward{former && <span className="sr-only"> (former ward)</span>}
      </h1>
      {former && <FormerWardNotice wardName={ward.name} former={former} />}
      <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
        <div>
          <section aria-labelledby="team-heading" className="mb-8">
            <h2 id="team-heading" className="mb-2 text-2xl font-bold">
              Your Safer Neighbourhoods Team
            </h2>
            {team.officers.length > 0 ? (
              <ul className="mb-3 list-disc pl-6">
                {team.officers.map((o) => (
                  <li key={o.id}>
                    {o.name} <span className="text-slate-700">({o.rank})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-3">The team's officers have not been listed yet.</p>
            )}
            {team.contacts ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                {team.contacts.baseName && (
                  <>
                    <dt className="font-semibold">Based at</dt>
                    <dd>
                      {team.contacts.baseName}
                      {team.contacts.baseAddress && `, ${team.contacts.baseAddress}`}
                    </dd>
                  </>
                )}
                {team.contacts.email && (
                  <>
                    <dt className="font-semibold">Email</dt>
                    <dd>
                      <a className="break-all text-blue-800 underline" href={`mailto:${team.contacts.email}`}>
                        {team.contacts.email}
                      </a>
                    </dd>
                  </>
                )}
                {team.contacts.phone && (
                  <>
                    <dt className="font-semibold">Phone</dt>
                    <dd>
                      <a className="text-blue-800 underline" href={`tel:${team.contacts.phone.replace(/\s/g, "")}`}>
                        {team.contacts.phone}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p>Contact details for this team have not been published yet. Call 101.</p>
            )}
            {team.contacts?.publicNote && <p className="mt-3">{team.contacts.publicNote}</p>}
            <p className="mt-3">
              In an emergency, call <strong>999</strong>. To report a crime that is not an emergency, call{" "}
              <strong>101</strong>.
            </p>
          </section>

          <MessageYourTeam
            wardCode={ward.code}
            takesMessages={page.data.takesMessages}
            figure={page.data.responseFigure}
          />

          <section aria-labelledby="panel-heading" className="mb-8">
            <h2 id="panel-heading" className="mb-2 text-2xl font-bold">
              Ward panel
            </h2>
            {panel ? (
              <>
                <p>
                  The <strong>{panel.name}</strong> meets with the team to agree the ward's policing priorities.
                </p>
                <p>
                  {panel.chairName ? `Chair: ${panel.chairName}.` : "The panel has no chair at the moment."}{" "}
                  {memberText(panel.memberCount)}
                </p>
                <p className="mt-2">To get involved, contact the Safer Neighbourhoods Team.</p>
              </>
            ) : (
              <p>This ward does not have a panel in Ward Panel yet.</p>
            )}
          </section>

          <section aria-labelledby="priorities-heading" className="mb-8">
            <h2 id="priorities-heading" className="mb-2 text-2xl font-bold">
              Local priorities
            </h2>
            <p className="mb-3">What the ward panel has asked the Safer Neighbourhoods Team to tackle.</p>
            <CurrentPriorities wardCode={ward.code} />
          </section>

          <section aria-labelledby="updates-heading" className="mb-8">
            <h2 id="updates-heading" className="mb-2 text-2xl font-bold">
              Monthly crime updates
            </h2>
            <LatestCrimeUpdate wardCode={ward.code} />
            <p>
              Each month the team publishes what happened: crime and anti-social behaviour in the ward, what happened to
              reported crimes, and what police and partners did about the priorities.
            </p>
            <ul className="mt-2 grid gap-1">
              <li>
                <Link
                  to={`/wards/${ward.code}/packs`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  Read the monthly updates
                </Link>
              </li>
              <li>
                <Link
                  to={`/wards/${ward.code}/subscribe`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  Get them by e-mail
                </Link>
              </li>
            </ul>
          </section>

          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading" className="mb-2 text-2xl font-bold">
              Upcoming meetings
            </h2>
            <MeetingList meetings={page.data.upcomingMeetings} wardCode={ward.code} />
            <p className="mt-4">
              <a href={`/wards/${ward.code}/meetings.ics`} className="text-blue-800 underline">
                Add {ward.name} ward's meetings to your calendar
              </a>{" "}
              (iCalendar feed: updates and cancellations follow automatically)
            </p>
          </section>

          <PastMeetings wardCode={ward.code} />

          <section aria-labelledby="concern-heading" className="mt-8">
            <h2 id="concern-heading" className="mb-2 text-2xl font-bold">
              Raise a concern
            </h2>
            {page.data.takesConcerns ? (
              <ConcernForm wardCode={ward.code} wardName={ward.name} boundary={ward.boundary} />
            ) : (
              <NoConcernTaker wardName={ward.name} hasPanel={panel !== null} />
            )}
          </section>
        </div>
        <aside aria-label="Ward map">
          <WardMap boundary={ward.boundary} wardName={ward.name} />
          <p className="mt-2 text-sm text-slate-700">Ward code {ward.code}</p>
        </aside>
      </div>
    </>
  );
}

function memberText(count: number): string {
  return count === 1 ? "It has 1 member." : `It has ${count} members.`;
}

/**
 * A ward with no sergeant or chair on Ward Panel: nobody would read a concern sent here, so the
 * form is not offered; the page says so first and gives the routes that do reach the police.
 */
function NoConcernTaker({ wardName, hasPanel }: { wardName: string; hasPanel: boolean }) {
  return (
    <div className="max-w-xl border-l-8 border-slate-700 bg-slate-50 p-4">
      <p className="font-bold">
        {wardName} ward's Safer Neighbourhoods Team {hasPanel ? "is" : "and ward panel are"} not on Ward Panel yet, so
        there is nobody here to read a concern.
      </p>
      <p className="mt-2">You can still tell the police:</p>
      <ul className="mt-1 list-disc pl-6">
        <li>
          <strong>In an emergency</strong>, or if a crime is happening now, call 999.
        </li>
        <li>
          To report a crime or anti-social behaviour, or ask for your local team, call 101 or{" "}
          <a href="https://www.police.uk/pu/contact-us/" className="text-blue-800 underline">
            contact the police online at police.uk
          </a>
          .
        </li>
      </ul>
    </div>
  );
}
