import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/**
 * The force's call-handling response target in minutes (CALL_RESPONSE_TARGET_MINUTES through
 * `site.callResponseTargetMinutes`): what a flagged priority promises. 60, the seeds' promise and
 * the default, until the answer arrives.
 */
export function useResponseTargetMinutes(): number {
  const trpc = useTRPC();
  const target = useQuery({ ...trpc.site.callResponseTargetMinutes.queryOptions(), staleTime: Infinity });
  return target.data ?? 60;
}
