import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SOURCE_LANGUAGE } from "@wardpanel/i18n";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useNavigate } from "react-router";

import type { LayoutContext } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useForceWords } from "../lib/use-force-words";
import { useLoadedData } from "../lib/use-loaded-data";
import { useViewer } from "../lib/use-viewer";
import { LanguageSwitch } from "./language-switch";
import { PageErrorBoundary } from "./page-error-boundary";
import { StaffEnglishNotice } from "./staff-english-notice";
import { VoteOpenBanner } from "./vote-open-banner";

const navLink = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center px-2 text-white underline-offset-4 hover:underline ${isActive ? "underline" : ""}`;

export function Layout() {
  const { t } = useTranslation();
  const [translatedPage, setTranslatedPage] = useState(false);
  const outletContext = useMemo<LayoutContext>(() => ({ setTranslatedPage }), []);
  const { viewer } = useViewer();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(trpc.auth.signOut.mutationOptions());
  // Signing out can fail (the server unreachable): the person must see they are still signed in.
  const signingOut = useChange();
  const onSignOut = () =>
    signingOut.run(
      async () => {
        await signOut.mutateAsync();
        queryClient.clear();
        await navigate("/");
      },
      { failed: t("layout.notSignedOut") },
    );
  const { isAdmin, isAnyAdmin, forcesWhereMay } = useAccess();
  useForceWords();
  const postcodeSources = useLoadedData()?.postcodeSources ?? [];
  const mayImportCrimeData = forcesWhereMay("importCrimeData").length > 0;

  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900 print:text-black">
      <a
        href="#main"
        className="sr-only bg-yellow-300 p-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t("layout.skipToMain")}
      </a>
      <header className="bg-blue-950 text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="min-h-11 content-center text-xl font-bold text-white">
            {t("layout.home")}
          </Link>
          <nav aria-label={t("layout.mainNav")}>
            <ul className="flex flex-wrap gap-2">
              <li>
                <NavLink to="/" end className={navLink}>
                  {t("layout.findYourWard")}
                </NavLink>
              </li>
              {viewer ? (
                <>
                  <li>
                    <NavLink to="/staff" end className={navLink}>
                      {t("layout.yourWards")}
                    </NavLink>
                  </li>
                  {mayImportCrimeData && (
                    <li>
                      <NavLink to="/staff/crime-data" className={navLink}>
                        {t("layout.crimeData")}
                      </NavLink>
                    </li>
                  )}
                  {isAdmin && (
                    <>
                      <li>
                        <NavLink to="/staff/oversight" className={navLink}>
                          {t("layout.oversight")}
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/staff/control-rooms" className={navLink}>
                          {t("layout.controlRooms")}
                        </NavLink>
                      </li>
                    </>
                  )}
                  {isAnyAdmin && (
                    <li>
                      <NavLink to="/staff/people" className={navLink}>
                        {t("layout.people")}
                      </NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/staff/password" className={navLink}>
                      {t("layout.changePassword")}
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="min-h-11 px-2 text-white underline"
                      disabled={signingOut.pending}
                      onClick={() => void onSignOut()}
                    >
                      {t("layout.signOut")}
                    </button>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/sign-in" className={navLink}>
                    {t("layout.signIn")}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
        {signingOut.alert && (
          <p role="alert" className="mx-auto max-w-5xl bg-white px-4 py-2 font-semibold text-red-800">
            {t("layout.stillSignedIn", { reason: signingOut.alert })}
          </p>
        )}
      </header>
      <VoteOpenBanner signedIn={Boolean(viewer)} />
      <main
        id="main"
        tabIndex={-1}
        lang={translatedPage ? undefined : SOURCE_LANGUAGE}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 print:max-w-none print:p-0"
      >
        <StaffEnglishNotice />
        <PageErrorBoundary>
          <Outlet context={outletContext} />
        </PageErrorBoundary>
      </main>
      <footer className="border-t-4 border-blue-950 bg-slate-100 text-sm text-slate-800 print:hidden">
        <div className="mx-auto max-w-5xl px-4 py-4">
          <p>{t("layout.emergency")}</p>
          <p className="mt-2">{t("layout.wardsLicence")}</p>
          {postcodeSources.includes("code-point-open") && <p className="mt-2">{t("layout.postcodesLicence")}</p>}
          {postcodeSources.includes("onspd") && <p className="mt-2">{t("layout.onspdLicence")}</p>}
          <p className="mt-2">{t("layout.crimeLicence")}</p>
        </div>
      </footer>
    </div>
  );
}
