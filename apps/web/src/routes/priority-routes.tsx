/** Concerns, votes, priorities and the library (issue 4). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicPriorityRoutes() {
  return <></>;
}

export function staffPriorityRoutes() {
  return <></>;
}
