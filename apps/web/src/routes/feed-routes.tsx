/** Control-room keys and response monitoring (issue 5). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicFeedRoutes() {
  return <></>;
}

export function staffFeedRoutes() {
  return <></>;
}
