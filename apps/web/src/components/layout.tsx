import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, NavLink, Outlet, useNavigate } from "react-router";

import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useViewer } from "../lib/use-viewer";

const navLink = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center px-2 text-white underline-offset-4 hover:underline ${isActive ? "underline" : ""}`;

export function Layout() {
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
      { failed: "Not signed out" },
    );
  const { isAdmin, forcesWhereMay } = useAccess();
  const mayImportCrimeData = forcesWhereMay("importCrimeData").length > 0;

  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900 print:text-black">
      <a
        href="#main"
        className="sr-only bg-yellow-300 p-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        Skip to main content
      </a>
      <header className="bg-blue-950 text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="min-h-11 content-center text-xl font-bold text-white">
            Ward Panel
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-2">
              <li>
                <NavLink to="/" end className={navLink}>
                  Find your ward
                </NavLink>
              </li>
              {viewer ? (
                <>
                  <li>
                    <NavLink to="/staff" end className={navLink}>
                      Your wards
                    </NavLink>
                  </li>
                  {mayImportCrimeData && (
                    <li>
                      <NavLink to="/staff/crime-data" className={navLink}>
                        Crime data
                      </NavLink>
                    </li>
                  )}
                  {isAdmin && (
                    <>
                      <li>
                        <NavLink to="/staff/oversight" className={navLink}>
                          Oversight
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/staff/control-rooms" className={navLink}>
                          Control rooms
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/staff/people" className={navLink}>
                          People and roles
                        </NavLink>
                      </li>
                    </>
                  )}
                  <li>
                    <NavLink to="/staff/password" className={navLink}>
                      Change password
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="min-h-11 px-2 text-white underline"
                      disabled={signingOut.pending}
                      onClick={() => void onSignOut()}
                    >
                      Sign out
                    </button>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/sign-in" className={navLink}>
                    Staff sign in
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
        </div>
        {signingOut.alert && (
          <p role="alert" className="mx-auto max-w-5xl bg-white px-4 py-2 font-semibold text-red-800">
            {signingOut.alert} You are still signed in: try again.
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 print:max-w-none print:p-0">
        <Outlet />
      </main>
      <footer className="border-t-4 border-blue-950 bg-slate-100 text-sm text-slate-800 print:hidden">
        <div className="mx-auto max-w-5xl px-4 py-4">
          <p>In an emergency always call 999. For anything else, call 101.</p>
          <p className="mt-2">
            Ward boundaries: Office for National Statistics, licensed under the Open Government Licence v3.0. Contains
            OS data © Crown copyright and database right 2022.
          </p>
          <p className="mt-2">
            Postcodes: OS Code-Point Open. Contains OS data © Crown copyright and database right 2025. Contains Royal
            Mail data © Royal Mail copyright and database right 2025. Contains National Statistics data © Crown
            copyright and database right 2025.
          </p>
          <p className="mt-2">Crime data: data.police.uk, licensed under the Open Government Licence v3.0.</p>
        </div>
      </footer>
    </div>
  );
}
