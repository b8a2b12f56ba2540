import "./index.css";

import { QueryClientProvider } from "@tanstack/react-query";
import { defined } from "@wardpanel/validators";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router";

import { Layout } from "./components/layout";
import { RequireSignIn } from "./components/require-sign-in";
import { startI18n } from "./lib/i18n";
import { queryClient, trpcClient, TRPCProvider } from "./lib/trpc";
import { AcceptInvitePage } from "./pages/accept-invite";
import { ChangePasswordPage } from "./pages/change-password";
import { DashboardPage } from "./pages/dashboard";
import { FindWardPage } from "./pages/find-ward";
import { ForgotPasswordPage } from "./pages/forgot-password";
import { LiveMeetingPage } from "./pages/live-meeting";
import { MinutesPage } from "./pages/minutes";
import { NotFoundPage } from "./pages/not-found";
import { OversightPage } from "./pages/oversight";
import { PeoplePage } from "./pages/people";
import { PersonalDataPage } from "./pages/personal-data";
import { PublicMeetingPage } from "./pages/public-meeting";
import { ResetPasswordPage } from "./pages/reset-password";
import { SignInPage } from "./pages/sign-in";
import { StaffMeetingPage } from "./pages/staff-meeting";
import { StaffWardPage } from "./pages/staff-ward";
import { WardPage } from "./pages/ward-page";
import { publicCrimePackRoutes, staffCrimePackRoutes } from "./routes/crime-pack-routes";
import { publicFeedRoutes, staffFeedRoutes } from "./routes/feed-routes";
import { publicPriorityRoutes, staffPriorityRoutes } from "./routes/priority-routes";

// The chosen language's messages are loaded before the first render, so nothing shows in English first.
await startI18n();

createRoot(defined(document.getElementById("root"), "the page's #root element")).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<FindWardPage />} />
              <Route path="wards/:wardCode" element={<WardPage />} />
              <Route path="wards/:wardCode/meetings/:meetingId" element={<PublicMeetingPage />} />
              {publicPriorityRoutes()}
              {publicFeedRoutes()}
              {publicCrimePackRoutes()}
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="invite/:token" element={<AcceptInvitePage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password/:token" element={<ResetPasswordPage />} />
              <Route path="staff" element={<RequireSignIn />}>
                <Route index element={<DashboardPage />} />
                <Route path="wards/:wardCode" element={<StaffWardPage />} />
                <Route path="wards/:wardCode/meetings/:meetingId" element={<StaffMeetingPage />} />
                <Route path="wards/:wardCode/meetings/:meetingId/live" element={<LiveMeetingPage />} />
                <Route path="wards/:wardCode/meetings/:meetingId/minutes" element={<MinutesPage />} />
                <Route path="oversight" element={<OversightPage />} />
                {staffPriorityRoutes()}
                {staffFeedRoutes()}
                {staffCrimePackRoutes()}
                <Route path="people" element={<PeoplePage />} />
                <Route path="password" element={<ChangePasswordPage />} />
                <Route path="personal-data" element={<PersonalDataPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
