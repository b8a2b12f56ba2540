import { Route } from "react-router";

import { ControlRoomKeysPage } from "../pages/control-room-keys";
import { ResponseMissesPage } from "../pages/response-misses";
import { AllResponsesPage, WardResponsesPage } from "../pages/response-stats";

/** Control-room keys and response monitoring (issue 5). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicFeedRoutes() {
  return <></>;
}

/** Relative to /staff. Each page asks the API, which decides who may see it (admins; a ward's sergeant and chair). */
export function staffFeedRoutes() {
  return (
    <>
      <Route path="control-rooms" element={<ControlRoomKeysPage />} />
      <Route path="responses" element={<AllResponsesPage />} />
      <Route path="responses/misses" element={<ResponseMissesPage />} />
      <Route path="wards/:wardCode/responses" element={<WardResponsesPage />} />
    </>
  );
}
