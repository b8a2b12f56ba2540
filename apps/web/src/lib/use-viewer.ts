import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/** The signed-in person, or null; undefined while loading. */
export function useViewer() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return { viewer: me.data, isLoading: me.isLoading };
}

export function useTitle(title: string) {
  document.title = title ? `${title} — Ward Panel` : "Ward Panel";
}
