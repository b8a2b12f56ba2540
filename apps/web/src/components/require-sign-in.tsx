import { Navigate, Outlet, useLocation, useOutletContext } from "react-router";

import { useViewer } from "../lib/use-viewer";
import { Loading } from "./status";

/**
 * Staff pages: people who are not signed in go to the sign-in page, and come back after. The
 * layout's outlet context passes through, so a page behind sign-in (a member's ballot) can say it
 * is translated (useTranslatedPage).
 */
export function RequireSignIn() {
  const { viewer, isLoading } = useViewer();
  const context = useOutletContext();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!viewer) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Outlet context={context} />;
}
