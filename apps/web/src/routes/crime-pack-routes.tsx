import { Route } from "react-router";

import { CrimeDataPage } from "../pages/crime-data";
import { PackListPage } from "../pages/pack-list";
import { PackPage } from "../pages/pack-page";
import { PackReviewPage } from "../pages/pack-review";
import { PackStaffListPage } from "../pages/pack-staff-list";
import { SubscribeConfirmPage } from "../pages/subscribe-confirm";
import { SubscribePage } from "../pages/subscribe-page";
import { UnsubscribePage } from "../pages/subscribe-unsubscribe";

/** Crime uploads, monthly packs and subscriptions (issue 6). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicCrimePackRoutes() {
  return (
    <>
      <Route path="wards/:wardCode/packs" element={<PackListPage />} />
      <Route path="wards/:wardCode/packs/:month" element={<PackPage />} />
      <Route path="wards/:wardCode/subscribe" element={<SubscribePage />} />
      <Route path="subscriptions/confirm/:token" element={<SubscribeConfirmPage />} />
      <Route path="unsubscribe/:token" element={<UnsubscribePage />} />
    </>
  );
}

export function staffCrimePackRoutes() {
  return (
    <>
      <Route path="crime-data" element={<CrimeDataPage />} />
      <Route path="wards/:wardCode/packs" element={<PackStaffListPage />} />
      <Route path="wards/:wardCode/packs/:month" element={<PackReviewPage />} />
    </>
  );
}
