import { useQuery } from "@tanstack/react-query";
import { roleWords } from "@wardpanel/i18n";
import { Trans, useTranslation } from "react-i18next";
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
import { useWardName, WardText } from "../components/ward-name";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Public ward page: the team and how to reach it (Pledge point 2), the panel, meetings. */
export function WardPage() {
  const { t } = useTranslation();
  const nameOf = useWardName();
  useTranslatedPage();
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  useTitle(page.data ? t("wardPage.title", { ward: nameOf(page.data.ward) }) : t("wardPage.titleNoWard"));

  if (page.isLoading) return <Loading />;
  if (page.error?.data?.code === "NOT_FOUND" || page.error?.data?.code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("wardPage.notFound")}</h1>
        <p>
          <Trans
            i18nKey="wardPage.noSuchWard"
            values={{ code: wardCode }}
            components={{ find: <Link to="/" className="text-blue-800 underline" /> }}
          />
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
        <WardText i18nKey="wardPage.title" ward={ward} />
        {former && <span className="sr-only"> {t("wardPage.formerWard")}</span>}
      </h1>
      {former && <FormerWardNotice ward={ward} former={former} />}
      <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
        <div>
          <section aria-labelledby="team-heading" className="mb-8">
            <h2 id="team-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.teamHeading")}
            </h2>
            {team.officers.length > 0 ? (
              <ul className="mb-3 list-disc pl-6">
                {team.officers.map((o) => (
                  <li key={o.id}>
                    {o.name} <span className="text-slate-700">({roleWords(t, o.rank)})</span>
                    {o.email && (
                      <>
                        {" "}
                        <a href={`mailto:${o.email}`} className="break-all text-blue-800 underline">
                          {o.email}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-3">{t("wardPage.noOfficers")}</p>
            )}
            {team.contacts ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                {team.contacts.baseName && (
                  <>
                    <dt className="font-semibold">{t("wardPage.basedAt")}</dt>
                    <dd>
                      {team.contacts.baseName}
                      {team.contacts.baseAddress && `, ${team.contacts.baseAddress}`}
                    </dd>
                  </>
                )}
                {team.contacts.email && (
                  <>
                    <dt className="font-semibold">{t("wardPage.email")}</dt>
                    <dd>
                      <a className="break-all text-blue-800 underline" href={`mailto:${team.contacts.email}`}>
                        {team.contacts.email}
                      </a>
                    </dd>
                  </>
                )}
                {team.contacts.phone && (
                  <>
                    <dt className="font-semibold">{t("wardPage.phone")}</dt>
                    <dd>
                      <a className="text-blue-800 underline" href={`tel:${team.contacts.phone.replace(/\s/g, "")}`}>
                        {team.contacts.phone}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p>{t("wardPage.noContacts")}</p>
            )}
            {team.contacts?.publicNote && <p className="mt-3">{team.contacts.publicNote}</p>}
            <p className="mt-3">
              <Trans i18nKey="wardPage.emergency" components={{ strong: <strong /> }} />
            </p>
          </section>

          <MessageYourTeam
            wardCode={ward.code}
            takesMessages={page.data.takesMessages}
            figure={page.data.responseFigure}
          />

          <section aria-labelledby="panel-heading" className="mb-8">
            <h2 id="panel-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.panelHeading")}
            </h2>
            {panel ? (
              <>
                <p>
                  <Trans
                    i18nKey="wardPage.panelMeets"
                    values={{ panel: panel.name }}
                    components={{ strong: <strong /> }}
                  />
                </p>
                <p>
                  {panel.chairName ? t("wardPage.chair", { name: panel.chairName }) : t("wardPage.noChair")}{" "}
                  {t("wardPage.members", { count: panel.memberCount })}
                </p>
                <p className="mt-2">{t("wardPage.getInvolved")}</p>
              </>
            ) : (
              <p>{t("wardPage.noPanel")}</p>
            )}
          </section>

          <section aria-labelledby="priorities-heading" className="mb-8">
            <h2 id="priorities-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.prioritiesHeading")}
            </h2>
            <p className="mb-3">{t("wardPage.prioritiesIntro")}</p>
            <CurrentPriorities wardCode={ward.code} />
          </section>

          <section aria-labelledby="updates-heading" className="mb-8">
            <h2 id="updates-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.updatesHeading")}
            </h2>
            <LatestCrimeUpdate wardCode={ward.code} />
            <p>{t("wardPage.updatesIntro")}</p>
            <ul className="mt-2 grid gap-1">
              <li>
                <Link
                  to={`/wards/${ward.code}/packs`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {t("wardPage.readUpdates")}
                </Link>
              </li>
              <li>
                <Link
                  to={`/wards/${ward.code}/subscribe`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {t("wardPage.getByEmail")}
                </Link>
              </li>
            </ul>
          </section>

          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.meetingsHeading")}
            </h2>
            <MeetingList meetings={page.data.upcomingMeetings} wardCode={ward.code} />
            <p className="mt-4">
              <a href={`/wards/${ward.code}/meetings.ics`} className="text-blue-800 underline">
                <WardText i18nKey="wardPage.calendar" ward={ward} />
              </a>{" "}
              {t("wardPage.calendarNote")}
            </p>
          </section>

          <PastMeetings wardCode={ward.code} />

          <section aria-labelledby="concern-heading" className="mt-8">
            <h2 id="concern-heading" className="mb-2 text-2xl font-bold">
              {t("wardPage.concernHeading")}
            </h2>
            {page.data.takesConcerns ? (
              <ConcernForm wardCode={ward.code} wardName={nameOf(ward)} boundary={ward.boundary} />
            ) : (
              <NoConcernTaker wardName={nameOf(ward)} hasPanel={panel !== null} />
            )}
          </section>
        </div>
        <aside aria-label={t("wardPage.mapLabel")}>
          <WardMap boundary={ward.boundary} wardName={nameOf(ward)} />
          <p className="mt-2 text-sm text-slate-700">{t("wardPage.wardCode", { code: ward.code })}</p>
        </aside>
      </div>
    </>
  );
}

/**
 * A ward with no sergeant or chair on Ward Panel: nobody would read a concern sent here, so the
 * form is not offered; the page says so first and gives the routes that do reach the police.
 */
function NoConcernTaker({ wardName, hasPanel }: { wardName: string; hasPanel: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="max-w-xl border-l-8 border-slate-700 bg-slate-50 p-4">
      <p className="font-bold">
        {hasPanel
          ? t("wardPage.noConcernTeam", { ward: wardName })
          : t("wardPage.noConcernTeamOrPanel", { ward: wardName })}
      </p>
      <p className="mt-2">{t("wardPage.stillTell")}</p>
      <ul className="mt-1 list-disc pl-6">
        <li>
          <Trans i18nKey="wardPage.tellEmergency" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans
            i18nKey="wardPage.tellOnline"
            components={{
              anchor: <a href="https://www.police.uk/pu/contact-us/" className="text-blue-800 underline" />,
            }}
          />
        </li>
      </ul>
    </div>
  );
}
