import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@wardpanel/api";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
});

/**
 * Procedures that answer as a stream (an async generator on the server), read with
 * httpBatchStreamLink. Everything else goes through httpBatchLink, which waits for the whole
 * answer, so a procedure can still set a cookie (signing in and out).
 */
const STREAMED = new Set(["crimePacks.draftForBorough", "crimePacks.draftForLondon"]);

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => STREAMED.has(op.path),
      // A page asking many queries at once (a log per force) is split into requests of a safe address length.
      true: httpBatchStreamLink({ url: "/trpc", maxURLLength: 2083 }),
      false: httpBatchLink({ url: "/trpc", maxURLLength: 2083 }),
    }),
  ],
});
