/** Crime uploads, monthly packs and subscriptions (issue 6). Called as functions inside <Routes>, so each returns <Route> elements. */
export function publicCrimePackRoutes() {
  return <></>;
}

export function staffCrimePackRoutes() {
  return <></>;
}
