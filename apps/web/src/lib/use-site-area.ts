import { useQuery } from "@tanstack/react-query";
import { deploymentAreaName, PoliceForceId } from "@wardpanel/validators";

import { useTRPC } from "./trpc";

/**
 * The area every ward of this site makes up, for staff pages' "All of …": "London" for the Met's
 * or the City's deployment, "Leicestershire Police's area" for Leicestershire's (the deployment's
 * own force comes first in `site.localForces`). "London" until the answer arrives, as before.
 */
export function useSiteArea(): string {
  const trpc = useTRPC();
  const local = useQuery({ ...trpc.site.localForces.queryOptions(), staleTime: Infinity });
  const home = PoliceForceId.safeParse(local.data?.[0]);
  return home.success ? deploymentAreaName(home.data) : "London";
}
