import { Navigate, Outlet, useLocation } from "react-router";

import { useViewer } from "../lib/use-viewer";
import { Loading } from "./status";

/** Staff pages: people who are not signed in go to the sign-in page, and come back after. */
export function RequireSignIn() {
  const { viewer, isLoading } = useViewer();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!viewer) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Outlet />;
}
