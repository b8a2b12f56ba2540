import { Route } from "react-router";

import { BallotPage } from "../pages/ballot";
import { ConcernFollowPage } from "../pages/concern-follow";
import { ConcernQueuePage } from "../pages/concern-queue";
import { MessageTeamPage } from "../pages/message-team";
import { MessageThreadPage } from "../pages/message-thread";
import { PriorityLibraryPage } from "../pages/priority-library";
import { StaffPrioritiesPage } from "../pages/staff-priorities";
import { TeamInboxPage } from "../pages/team-inbox";
import { TeamMessagePage } from "../pages/team-message";
import { VoteResultPage } from "../pages/vote-result";

/** Concerns, messages to the team, votes, priorities and the library (issue 4). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicPriorityRoutes() {
  return (
    <>
      <Route path="wards/:wardCode/priorities" element={<PriorityLibraryPage />} />
      <Route path="wards/:wardCode/votes/:voteId" element={<VoteResultPage />} />
      <Route path="concerns/:token" element={<ConcernFollowPage />} />
      <Route path="wards/:wardCode/message" element={<MessageTeamPage />} />
      <Route path="messages/:token" element={<MessageThreadPage />} />
    </>
  );
}

export function staffPriorityRoutes() {
  return (
    <>
      <Route path="wards/:wardCode/concerns" element={<ConcernQueuePage />} />
      <Route path="wards/:wardCode/messages" element={<TeamInboxPage />} />
      <Route path="wards/:wardCode/messages/:messageId" element={<TeamMessagePage />} />
      <Route path="wards/:wardCode/priorities" element={<StaffPrioritiesPage />} />
      <Route path="wards/:wardCode/votes/:voteId" element={<BallotPage />} />
    </>
  );
}
