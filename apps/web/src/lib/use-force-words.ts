import { useQuery } from "@tanstack/react-query";
import { forceWordsOf, PoliceForceId } from "@wardpanel/validators";
import { useEffect } from "react";

import { setForceWords } from "./i18n";
import { useTRPC } from "./trpc";

/**
 * Words every page as the deployment's force does (the first of `site.localForces`): a "Safer
 * Neighbourhoods Team" and "boroughs" for London's forces, a "Neighbourhood Policing Team" and
 * "districts" elsewhere. The layout calls it once.
 */
export function useForceWords(): void {
  const trpc = useTRPC();
  const local = useQuery({ ...trpc.site.localForces.queryOptions(), staleTime: Infinity });
  const home = PoliceForceId.safeParse(local.data?.[0]);
  const words = home.success ? forceWordsOf(home.data) : null;
  useEffect(() => {
    if (words) void setForceWords(words);
  }, [words]);
}
