import { createTRPCClient, httpBatchStreamLink } from "@trpc/client";
import type { AppRouter } from "@wardpanel/api";

/**
 * A tRPC client over real HTTP to a listening server, as the person whose session cookie is
 * given. It streams (httpBatchStreamLink), so procedures that answer as a stream can be read as
 * the web app reads them; it sets no cookies, so sign in with a plain request first.
 */
export function trpcClientFor(url: string, cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchStreamLink({ url: `${url}/trpc`, headers: cookie ? { cookie } : {} })],
  });
}
